import { roles } from '@brobygger/domain';
import { Badge } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { AdminNav } from '../components/admin-nav';
import { Breadcrumbs } from '../components/breadcrumbs';
import { flashUrl } from '../components/flash-message';
import { FormErrorSummary, useFieldError } from '../components/form-errors';
import { useRoleText } from '../components/role-list';
import { roleLabel } from '../i18n/roles';
import { useTranslation } from '../i18n/use-translation';
import { adminApiFailure } from '../lib/admin.server';
import { type FormErrors, formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { formatDateTime } from '../lib/format';
import { hydrate } from '../lib/hydration';
import { pageMeta } from '../lib/meta';
import { getFocusAreas } from '../lib/policy.server';
import { requireAdmin } from '../lib/session.server';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request, context);
  const id = params.id ?? '';
  if (!uuidPattern.test(id)) throw data({ about: 'page' }, { status: 404 });
  const [response, focusAreas] = await Promise.all([
    context.api.api.admin.users[':id'].$get({ param: { id } }),
    getFocusAreas(context.api),
  ]);
  if (!response.ok) return adminApiFailure(request, response, 'GET /api/admin/users/:id');
  const { user } = await response.json();
  return {
    user,
    self: user.id === admin.id,
    focusAreas: focusAreas.map((focusArea) => ({ slug: focusArea.slug, name: focusArea.name })),
    // From the loader, not imported by the component: @brobygger/domain would bring zod to the browser.
    roles,
  };
}

type Intent = 'grant-role' | 'revoke-role' | 'disable' | 'enable';

interface AdminUserActionData {
  intent: Intent;
  errors: FormErrors;
  values?: { role: string; focusArea: string; associationId: string };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireAdmin(request, context);
  const id = params.id ?? '';
  const form = await request.formData();
  const intent = formText(form, 'intent') as Intent;
  const t = translatorFor(request);
  const users = context.api.api.admin.users[':id'];
  const here = `/admin/brugere/${encodeURIComponent(id)}`;

  const failed = async (response: Response, fields: string[], extra: Partial<AdminUserActionData> = {}) => {
    if (response.status === 401 || response.status === 403) {
      return adminApiFailure(request, response, `admin ${intent}`);
    }
    const problem = await readApiProblem(response);
    return data<AdminUserActionData>(
      { intent, errors: formErrorsFrom(problem, t, fields), ...extra },
      { status: problem.status },
    );
  };

  switch (intent) {
    case 'grant-role': {
      const values = {
        role: formText(form, 'role'),
        focusArea: formText(form, 'focusArea'),
        associationId: formText(form, 'associationId').trim(),
      };
      const associationId = values.associationId ? Number(values.associationId) : null;
      const response = await users.roles.$post({
        param: { id },
        json: {
          role: values.role as (typeof roles)[number],
          focusArea: values.focusArea || null,
          associationId: associationId !== null && Number.isFinite(associationId) ? associationId : null,
        },
      });
      if (response.ok) return redirect(flashUrl(here, 'rolle-tildelt'));
      if (associationId !== null && !Number.isInteger(associationId)) {
        return data<AdminUserActionData>(
          {
            intent,
            values,
            errors: { form: [], fields: { associationId: { text: t('admin.user.associationIdInvalid') } } },
          },
          { status: 422 },
        );
      }
      return failed(response, ['role', 'focusArea', 'associationId'], { values });
    }
    case 'revoke-role': {
      const response = await users.roles[':roleId'].$delete({
        param: { id, roleId: formText(form, 'roleId') },
      });
      if (response.ok) return redirect(flashUrl(here, 'rolle-fjernet'));
      return failed(response, []);
    }
    case 'disable': {
      const response = await users.disable.$post({ param: { id } });
      if (response.ok) return redirect(flashUrl(here, 'bruger-deaktiveret'));
      return failed(response, []);
    }
    case 'enable': {
      const response = await users.enable.$post({ param: { id } });
      if (response.ok) return redirect(flashUrl(here, 'bruger-aktiveret'));
      return failed(response, []);
    }
    default:
      return data<AdminUserActionData>(
        { intent, errors: { form: [{ text: t('form.unexpected') }], fields: {} } },
        { status: 400 },
      );
  }
}

// Signed-in pages keep React in the browser (client-side navigation between them). They are not
// public pages, which ship no JavaScript (lib/hydration.ts).
export const handle = hydrate;

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaderData }) =>
  pageMeta(matches, loaderData ? { text: loaderData.user.displayName } : { key: 'admin.users.title' });

export default function AdminUserPage() {
  const { user, self, focusAreas, roles } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as AdminUserActionData | undefined;
  const { t, lng, dataLang } = useTranslation();
  const roleText = useRoleText();
  const grantErrors = actionData?.intent === 'grant-role' ? actionData.errors : undefined;
  const otherErrors = actionData && actionData.intent !== 'grant-role' ? actionData.errors : undefined;
  const fieldError = useFieldError(grantErrors);
  const values = actionData?.values;
  const selectError = (field: string) => {
    const { error, errorLang, errorPrefix } = fieldError(field);
    return error ? (
      <span className="form-error-message" id={`grant-${field}-error`}>
        <span className="sr-only">{errorPrefix} </span>
        <span lang={errorLang}>{error}</span>
      </span>
    ) : null;
  };
  const invalid = (field: string) =>
    fieldError(field).error
      ? { 'aria-invalid': true as const, 'aria-describedby': `grant-${field}-error` }
      : {};

  return (
    <>
      <Breadcrumbs
        items={[{ label: t('admin.users.title'), to: '/admin/brugere' }, { label: user.displayName }]}
      />
      <h1>{user.displayName}</h1>
      <AdminNav />
      <FormErrorSummary errors={otherErrors} />

      <dl className="profile-facts">
        <dt>{t('form.email')}</dt>
        <dd className="break-anywhere">{user.email}</dd>
        <dt>{t('admin.users.status')}</dt>
        <dd>
          {user.disabled ? (
            <Badge variant="error">{t('admin.users.disabled')}</Badge>
          ) : (
            <Badge variant="success">{t('admin.users.active')}</Badge>
          )}{' '}
          {user.emailVerified ? t('myPage.emailVerified') : t('myPage.emailNotVerified')}
          {', '}
          {user.totpEnabled ? t('totp.on') : t('totp.off')}
        </dd>
        <dt>{t('myPage.memberSince')}</dt>
        <dd>{formatDateTime(user.createdAt, lng)}</dd>
      </dl>

      <section aria-labelledby="roles-heading" className="account-section">
        <h2 id="roles-heading">{t('myPage.roles')}</h2>
        {user.roles.length === 0 ? (
          <p>{t('roles.none')}</p>
        ) : (
          <ul className="nobullet-list role-grants">
            {user.roles.map((grant) => (
              <li key={grant.id}>
                <span lang={grant.focusArea || grant.associationName ? dataLang : undefined}>
                  {roleText(grant)}
                </span>{' '}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="revoke-role" />
                  <input type="hidden" name="roleId" value={grant.id} />
                  <button type="submit" className="button button-tertiary">
                    {t('admin.user.revoke')}
                    <span className="sr-only"> {roleText(grant)}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}

        <h3>{t('admin.user.grantHeading')}</h3>
        <FormErrorSummary errors={grantErrors} idPrefix="grant-" />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="grant-role" />
          <div className={fieldError('role').error ? 'form-group form-error' : 'form-group'}>
            <label className="form-label" htmlFor="grant-role">
              {t('admin.user.role')}
            </label>
            {selectError('role')}
            <select
              className="form-select"
              id="grant-role"
              name="role"
              defaultValue={values?.role ?? 'staff'}
              {...invalid('role')}
            >
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(roleLabel(role))}
                </option>
              ))}
            </select>
          </div>
          <div className={fieldError('focusArea').error ? 'form-group form-error' : 'form-group'}>
            <label className="form-label" htmlFor="grant-focusArea">
              {t('admin.user.focusArea')}
            </label>
            <span className="form-hint" id="grant-focusArea-hint">
              {t('admin.user.focusAreaHint')}
            </span>
            {selectError('focusArea')}
            <select
              className="form-select"
              id="grant-focusArea"
              name="focusArea"
              defaultValue={values?.focusArea ?? ''}
              aria-describedby={[
                'grant-focusArea-hint',
                fieldError('focusArea').error && 'grant-focusArea-error',
              ]
                .filter(Boolean)
                .join(' ')}
              aria-invalid={fieldError('focusArea').error ? true : undefined}
            >
              <option value="">{t('admin.user.noFocusArea')}</option>
              {focusAreas.map((focusArea) => (
                <option key={focusArea.slug} value={focusArea.slug} lang={dataLang}>
                  {focusArea.name}
                </option>
              ))}
            </select>
          </div>
          <div className={fieldError('associationId').error ? 'form-group form-error' : 'form-group'}>
            <label className="form-label" htmlFor="grant-associationId">
              {t('admin.user.associationId')}
            </label>
            <span className="form-hint" id="grant-associationId-hint">
              {t('admin.user.associationIdHint')}
            </span>
            {selectError('associationId')}
            <input
              className="form-input input-width-s"
              id="grant-associationId"
              name="associationId"
              inputMode="numeric"
              defaultValue={values?.associationId ?? ''}
              aria-describedby={[
                'grant-associationId-hint',
                fieldError('associationId').error && 'grant-associationId-error',
              ]
                .filter(Boolean)
                .join(' ')}
              aria-invalid={fieldError('associationId').error ? true : undefined}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('admin.user.grant')}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="account-heading" className="account-section">
        <h2 id="account-heading">{t('admin.user.accountHeading')}</h2>
        {self ? (
          <p>{t('admin.user.selfNote')}</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value={user.disabled ? 'enable' : 'disable'} />
            <p>{user.disabled ? t('admin.user.enableIntro') : t('admin.user.disableIntro')}</p>
            <button
              type="submit"
              className={user.disabled ? 'button button-primary' : 'button button-warning'}
            >
              {user.disabled ? t('admin.user.enable') : t('admin.user.disable')}
            </button>
          </Form>
        )}
        <p>
          <Link to="/admin/brugere">{t('admin.user.back')}</Link>
        </p>
      </section>
    </>
  );
}
