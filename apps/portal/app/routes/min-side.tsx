import { Alert, Badge, TextField } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { flashUrl } from '../components/flash-message';
import { FormErrorSummary, useFieldError } from '../components/form-errors';
import { MyEvents } from '../components/my-events';
import { RoleList } from '../components/role-list';
import { SecondFactorFields } from '../components/second-factor-fields';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { type Device, describeUserAgent, plainIp } from '../lib/device.server';
import {
  type FormErrors,
  formError,
  formErrorsFrom,
  formText,
  forwardedCookies,
  readApiProblem,
  translatorFor,
} from '../lib/form.server';
import { formatDateTime } from '../lib/format';
import { hydrate } from '../lib/hydration';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';
import { requireUser } from '../lib/session.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const response = await context.api.api.me.sessions.$get();
  // Signed out between the two calls (the session was ended elsewhere).
  if (response.status === 401) throw redirect(loginUrl(request));
  if (!response.ok) apiFailure('GET /api/me/sessions', response.status);
  const { sessions } = await response.json();
  const myEvents = await context.api.api.me.events.$get();
  if (!myEvents.ok) apiFailure('GET /api/me/events', myEvents.status);
  const { registrations } = await myEvents.json();
  // Associations and volunteers (issue 10): the associations I belong to.
  const myAssociations = await context.api.api.me.associations.$get();
  const associations = myAssociations.ok ? (await myAssociations.json()).associations : [];
  // Only words a person knows reach the page: the browser and system, and a plain address.
  return {
    user,
    registrations,
    associations,
    sessions: sessions.map(({ userAgent, ip, ...session }) => ({
      ...session,
      device: describeUserAgent(userAgent),
      ip: plainIp(ip),
    })),
  };
}

type Intent =
  | 'end-session'
  | 'change-password'
  | 'delete-account'
  | 'resend-verification'
  | 'totp-setup'
  | 'totp-enable'
  | 'totp-disable'
  | 'cancel-registration';

interface MyPageActionData {
  intent: Intent;
  errors?: FormErrors;
  /** Two-factor setup in progress: the secret to type into the app. */
  totpSetup?: { secret: string; uri: string };
  /** Shown once, right after two-factor was turned on. */
  recoveryCodes?: string[];
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = formText(form, 'intent') as Intent;
  const t = translatorFor(request);
  const { api } = context;
  const failed = async (response: Response, fields: string[], extra: Partial<MyPageActionData> = {}) => {
    if (response.status === 401) throw redirect(loginUrl(request));
    const problem = await readApiProblem(response);
    return data<MyPageActionData>(
      { intent, errors: formErrorsFrom(problem, t, fields), ...extra },
      { status: problem.status },
    );
  };

  switch (intent) {
    case 'end-session': {
      const response = await api.api.me.sessions[':id'].$delete({
        param: { id: formText(form, 'sessionId') },
      });
      if (response.status === 204) {
        // Ending the session in use signs this browser out: the API clears the cookie.
        const cookies = forwardedCookies(response);
        if (cookies.has('Set-Cookie')) return redirect('/log-ind', { headers: cookies });
        return redirect(flashUrl('/min-side', 'session-afsluttet'));
      }
      return failed(response, []);
    }
    case 'change-password': {
      const response = await api.api.auth.password.$post({
        json: {
          currentPassword: formText(form, 'currentPassword'),
          newPassword: formText(form, 'newPassword'),
        },
      });
      if (response.ok) return redirect(flashUrl('/min-side', 'adgangskode-aendret'));
      return failed(response, ['currentPassword', 'newPassword']);
    }
    case 'delete-account': {
      const response = await api.api.me.$delete({ json: { password: formText(form, 'password') } });
      if (response.status === 204) {
        return redirect(flashUrl('/', 'konto-slettet'), { headers: forwardedCookies(response) });
      }
      return failed(response, ['password']);
    }
    case 'resend-verification': {
      const response = await api.api.auth['verify-email'].resend.$post();
      if (response.ok) return redirect(flashUrl('/min-side', 'bekraeftelse-sendt'));
      return failed(response, []);
    }
    case 'totp-setup': {
      const response = await api.api.auth.totp.setup.$post();
      if (response.ok) return data<MyPageActionData>({ intent, totpSetup: await response.json() });
      return failed(response, []);
    }
    case 'totp-enable': {
      const response = await api.api.auth.totp.enable.$post({ json: { code: formText(form, 'code') } });
      if (response.ok) {
        const { recoveryCodes } = await response.json();
        return data<MyPageActionData>({ intent, recoveryCodes });
      }
      // Show the same secret again, so a mistyped code can simply be typed again.
      const secret = formText(form, 'secret');
      const uri = formText(form, 'uri');
      return failed(response, ['code'], secret && uri ? { totpSetup: { secret, uri } } : {});
    }
    case 'totp-disable': {
      // A current code from the app, or (no phone at hand) a recovery code.
      const code = formText(form, 'code').trim();
      const recoveryCode = formText(form, 'recoveryCode').trim();
      const response = await api.api.auth.totp.disable.$post({
        json: {
          password: formText(form, 'password'),
          ...(code ? { code } : {}),
          ...(recoveryCode && !code ? { recoveryCode } : {}),
        },
      });
      if (response.ok) return redirect(flashUrl('/min-side', 'totp-slaaet-fra'));
      return failed(response, ['password', 'code', 'recoveryCode']);
    }
    case 'cancel-registration': {
      const response = await api.api.events[':id'].registrations.me.$delete({
        param: { id: formText(form, 'eventId') },
      });
      if (response.status === 204) return redirect(flashUrl('/min-side', 'meldt-fra'));
      return failed(response, []);
    }
    default:
      return data<MyPageActionData>({ intent, errors: formError(t('form.unexpected')) }, { status: 400 });
  }
}

// Signed-in pages keep React in the browser (client-side navigation between them). They are not
// public pages, which ship no JavaScript (lib/hydration.ts).
export const handle = hydrate;

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches, { key: 'myPage.title' });

/** The secret in groups of four, easier to type into an app by hand. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

export default function MyPage() {
  const { user, sessions, registrations, associations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as MyPageActionData | undefined;
  const { t, lng } = useTranslation();
  const deviceName = useDeviceName();
  const errorsFor = (intent: Intent) => (actionData?.intent === intent ? actionData.errors : undefined);
  const passwordErrors = errorsFor('change-password');
  const deleteErrors = errorsFor('delete-account');
  const enableErrors = errorsFor('totp-enable');
  const disableErrors = errorsFor('totp-disable');
  const passwordField = useFieldError(passwordErrors);
  const deleteField = useFieldError(deleteErrors);
  const enableField = useFieldError(enableErrors);
  const disableField = useFieldError(disableErrors);
  const generalErrors =
    errorsFor('end-session') ??
    errorsFor('resend-verification') ??
    errorsFor('totp-setup') ??
    errorsFor('cancel-registration');
  const totpSetup = actionData?.totpSetup;
  const recoveryCodes = actionData?.recoveryCodes;
  const totpEnabled = user.totpEnabled || Boolean(recoveryCodes);

  return (
    <>
      <h1>{t('myPage.heading')}</h1>
      <FormErrorSummary errors={generalErrors} />

      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('myPage.profileHeading')}</h2>
        <dl className="profile-facts">
          <dt>{t('form.name')}</dt>
          <dd>{user.displayName}</dd>
          <dt>{t('form.email')}</dt>
          <dd>
            {user.email}{' '}
            {user.emailVerified ? (
              <Badge variant="success">{t('myPage.emailVerified')}</Badge>
            ) : (
              <Badge variant="warning">{t('myPage.emailNotVerified')}</Badge>
            )}
          </dd>
          <dt>{t('myPage.roles')}</dt>
          <dd>
            <RoleList roles={user.roles} />
          </dd>
          <dt>{t('myPage.memberSince')}</dt>
          <dd>{formatDateTime(user.createdAt, lng)}</dd>
        </dl>
        {user.emailVerified ? null : (
          <Form method="post">
            <input type="hidden" name="intent" value="resend-verification" />
            <button type="submit" className="button button-secondary">
              {t('myPage.resendVerification')}
            </button>
          </Form>
        )}
      </section>

      <MyEvents registrations={registrations} />
      {/* events-extras: the personal calendar feed */}
      <p>
        <Link to="/min-side/kalender">{t('myPage.calendarFeedLink')}</Link>
      </p>
      {/* Associations and volunteers (issue 10) */}
      <section aria-labelledby="volunteer-heading" className="account-section">
        <h2 id="volunteer-heading">{t('myPage.volunteerHeading')}</h2>
        <ul>
          <li>
            <Link to="/frivillig">{t('nav.volunteer')}</Link>
          </li>
          <li>
            <Link to="/frivillig/historik">{t('volunteer.historyLink')}</Link>
          </li>
          {associations.map((association) => (
            <li key={association.slug}>
              <Link to={`/foreninger/${association.slug}/administrer`}>{association.name}</Link> (
              {association.role === 'admin'
                ? t('associationAdmin.roleAdmin')
                : t('associationAdmin.roleMember')}
              {association.verified ? '' : `, ${t('associations.pending').toLowerCase()}`})
            </li>
          ))}
          <li>
            <Link to="/foreninger">{t('nav.associations')}</Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="sessions-heading" className="account-section">
        <h2 id="sessions-heading">{t('myPage.sessionsHeading')}</h2>
        <p>{t('myPage.sessionsIntro')}</p>
        <div className="table-wrapper">
          <table className="table table--compact">
            <caption className="sr-only">{t('myPage.sessionsHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('myPage.sessionDevice')}</th>
                <th scope="col">{t('myPage.sessionIp')}</th>
                <th scope="col">{t('myPage.sessionCreated')}</th>
                <th scope="col">{t('myPage.sessionLastSeen')}</th>
                <th scope="col">
                  <span className="sr-only">{t('myPage.sessionActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <td className="break-anywhere">
                    {deviceName(session.device) ?? t('myPage.unknown')}
                    {session.current ? (
                      <>
                        {' '}
                        <Badge variant="info">{t('myPage.thisSession')}</Badge>
                      </>
                    ) : null}
                  </td>
                  <td>{session.ip ?? t('myPage.unknown')}</td>
                  <td>{formatDateTime(session.createdAt, lng)}</td>
                  <td>{formatDateTime(session.lastSeenAt, lng)}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="end-session" />
                      <input type="hidden" name="sessionId" value={session.id} />
                      <button type="submit" className="button button-secondary">
                        {session.current ? t('myPage.endThisSession') : t('myPage.endSession')}
                        <span className="sr-only">
                          {' '}
                          {t('myPage.sessionFrom', { date: formatDateTime(session.createdAt, lng) })}
                        </span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="password-heading" className="account-section">
        <h2 id="password-heading">{t('myPage.passwordHeading')}</h2>
        <p>{t('myPage.passwordIntro')}</p>
        <FormErrorSummary errors={passwordErrors} idPrefix="change-" />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="change-password" />
          <TextField
            id="change-currentPassword"
            name="currentPassword"
            label={t('myPage.currentPassword')}
            type="password"
            autoComplete="current-password"
            required
            {...passwordField('currentPassword')}
          />
          <TextField
            id="change-newPassword"
            name="newPassword"
            label={t('myPage.newPassword')}
            type="password"
            autoComplete="new-password"
            hint={t('form.newPasswordHint')}
            required
            {...passwordField('newPassword')}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('myPage.changePassword')}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="totp-heading" className="account-section">
        <h2 id="totp-heading">{t('totp.heading')}</h2>
        {recoveryCodes ? (
          <Alert variant="success" role="status" heading={t('totp.enabledNow')}>
            <p>{t('totp.recoveryCodesIntro')}</p>
            <ul className="recovery-codes nobullet-list">
              {recoveryCodes.map((code) => (
                <li key={code}>{code}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {totpEnabled ? (
          <>
            <p>
              <Badge variant="success">{t('totp.on')}</Badge> {t('totp.onText')}
            </p>
            <FormErrorSummary errors={disableErrors} idPrefix="totp-disable-" />
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="totp-disable" />
              <TextField
                id="totp-disable-password"
                name="password"
                label={t('form.password')}
                type="password"
                autoComplete="current-password"
                hint={t('totp.disableHint')}
                required
                {...disableField('password')}
              />
              <SecondFactorFields
                code={{ id: 'totp-disable-code', name: 'code' }}
                recoveryCode={{ id: 'totp-disable-recoveryCode', name: 'recoveryCode' }}
                fieldError={disableField}
              />
              <div className="form-actions">
                <button type="submit" className="button button-secondary">
                  {t('totp.disable')}
                </button>
              </div>
            </Form>
          </>
        ) : totpSetup ? (
          <>
            <p>{t('totp.setupIntro')}</p>
            <p>
              <span className="sr-only">{t('totp.secretLabel')}: </span>
              <span className="totp-secret">{groupSecret(totpSetup.secret)}</span>
            </p>
            <p>{t('totp.uriIntro')}</p>
            <p className="break-anywhere">
              <code>{totpSetup.uri}</code>
            </p>
            <FormErrorSummary errors={enableErrors} idPrefix="totp-" />
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="totp-enable" />
              <input type="hidden" name="secret" value={totpSetup.secret} />
              <input type="hidden" name="uri" value={totpSetup.uri} />
              <TextField
                id="totp-code"
                name="code"
                label={t('totp.code')}
                hint={t('totp.codeHint')}
                autoComplete="one-time-code"
                inputMode="numeric"
                width="s"
                maxLength={6}
                required
                {...enableField('code')}
              />
              <div className="form-actions">
                <button type="submit" className="button button-primary">
                  {t('totp.enable')}
                </button>
              </div>
            </Form>
          </>
        ) : (
          <>
            <p>{t('totp.offText')}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="totp-setup" />
              <button type="submit" className="button button-secondary">
                {t('totp.start')}
              </button>
            </Form>
          </>
        )}
      </section>

      <section aria-labelledby="data-heading" className="account-section">
        <h2 id="data-heading">{t('myPage.dataHeading')}</h2>
        <p>{t('myPage.exportIntro')}</p>
        <p>
          {/* A plain link: the download is a file, not a page. */}
          <a href="/min-side/eksport" className="button button-secondary" download>
            {t('myPage.export')}
          </a>
        </p>

        <h3>{t('myPage.deleteHeading')}</h3>
        <p>{t('myPage.deleteIntro')}</p>
        <FormErrorSummary errors={deleteErrors} idPrefix="delete-" />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="delete-account" />
          <TextField
            id="delete-password"
            name="password"
            label={t('form.password')}
            type="password"
            autoComplete="current-password"
            hint={t('myPage.deleteHint')}
            required
            {...deleteField('password')}
          />
          <div className="form-actions">
            <button type="submit" className="button button-warning">
              {t('myPage.delete')}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}

function useDeviceName() {
  const { t } = useTranslation();
  return (device: Device | null) => {
    if (!device) return null;
    if (device.browser && device.os) return t('myPage.deviceOn', { browser: device.browser, os: device.os });
    return device.browser ?? device.os;
  };
}
