import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { flashUrl } from '../components/flash-message';
import { FormErrorSummary } from '../components/form-errors';
import { initiativeStatusKeys } from '../components/status';
import { useTranslation } from '../i18n/use-translation';
import { type FormErrors, formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { pageMeta } from '../lib/meta';
import { requireUser } from '../lib/session.server';
import { loadWorkspace } from '../lib/status.server';

const statuses = ['planned', 'active', 'paused', 'completed', 'stopped'] as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const workspace = await loadWorkspace(request, context, params.slug ?? '');
  if (!workspace.canEdit) throw data({ reason: 'role' }, { status: 403 });
  const id = params.id ?? '';
  const initiative =
    id === 'ny' ? null : workspace.initiatives.find((candidate) => String(candidate.id) === id);
  if (initiative === undefined) throw data({ about: 'page' }, { status: 404 });
  return { focusArea: workspace.focusArea, initiative };
}

interface InitiativeActionData {
  errors: FormErrors;
  values: Record<string, string>;
}

const fields = [
  'name',
  'description',
  'status',
  'responsibleUnit',
  'partners',
  'startsOn',
  'endsOn',
  'links',
] as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const slug = params.slug ?? '';
  const id = params.id ?? '';
  const form = await request.formData();
  const values = Object.fromEntries(fields.map((field) => [field, formText(form, field)]));
  const lines = (text: string) =>
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
  const json = {
    name: values.name ?? '',
    description: values.description ?? '',
    status: (values.status ?? '') as (typeof statuses)[number],
    responsibleUnit: values.responsibleUnit ?? '',
    partners: lines(values.partners ?? ''),
    startsOn: values.startsOn || null,
    endsOn: values.endsOn || null,
    links: lines(values.links ?? '').map((line) => {
      const [title, url] = line.includes('|') ? line.split('|', 2) : [line, line];
      return { title: (title ?? '').trim(), url: (url ?? '').trim() };
    }),
  };
  const areas = context.api.api['focus-areas'][':slug'].initiatives;
  const response =
    id === 'ny'
      ? await areas.$post({ param: { slug }, json })
      : await areas[':id'].$put({ param: { slug, id }, json });
  if (response.ok) return redirect(flashUrl(`/tovholder/${encodeURIComponent(slug)}`, 'indsats-gemt'));
  if (response.status === 403) throw data({ reason: 'role' }, { status: 403 });
  const problem = await readApiProblem(response);
  return data<InitiativeActionData>(
    { errors: formErrorsFrom(problem, translatorFor(request), [...fields]), values },
    { status: problem.status },
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'initiative.title' });

export default function InitiativePage() {
  const { focusArea, initiative } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as InitiativeActionData | undefined;
  const { t, dataLang } = useTranslation();
  const initial: Record<string, string> = actionData?.values ?? {
    name: initiative?.name ?? '',
    description: initiative?.description ?? '',
    status: initiative?.status ?? 'planned',
    responsibleUnit: initiative?.responsibleUnit ?? '',
    partners: (initiative?.partners ?? []).join('\n'),
    startsOn: initiative?.startsOn ?? '',
    endsOn: initiative?.endsOn ?? '',
    links: (initiative?.links ?? []).map((link) => `${link.title} | ${link.url}`).join('\n'),
  };
  const error = (field: string) => actionData?.errors.fields[field];
  const field = (
    name: (typeof fields)[number],
    label: string,
    input: 'text' | 'date' | 'textarea',
    hint?: string,
  ) => (
    <div className={`form-group${error(name) ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={name}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
      {error(name) ? (
        <span className="form-error-message" id={`${name}-error`}>
          <span className="sr-only">{t('form.errorPrefix')} </span>
          {error(name)?.text}
        </span>
      ) : null}
      {input === 'textarea' ? (
        <textarea
          className="form-input"
          id={name}
          name={name}
          rows={4}
          defaultValue={initial[name]}
          aria-describedby={
            [hint ? `${name}-hint` : '', error(name) ? `${name}-error` : ''].join(' ').trim() || undefined
          }
        />
      ) : (
        <input
          className="form-input"
          id={name}
          name={name}
          type={input}
          defaultValue={initial[name]}
          aria-describedby={
            [hint ? `${name}-hint` : '', error(name) ? `${name}-error` : ''].join(' ').trim() || undefined
          }
        />
      )}
    </div>
  );
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('lead.title'), to: '/tovholder' },
          { label: focusArea.name, to: `/tovholder/${focusArea.slug}`, lang: dataLang },
          {
            label: initiative ? initiative.name : t('lead.addInitiative'),
            lang: initiative ? dataLang : undefined,
          },
        ]}
      />
      <h1>{initiative ? t('initiative.editHeading') : t('lead.addInitiative')}</h1>
      <FormErrorSummary errors={actionData?.errors} />
      <Form method="post">
        {field('name', t('initiative.name'), 'text')}
        {field('description', t('initiative.description'), 'textarea')}
        <div className="form-group">
          <label className="form-label" htmlFor="status">
            {t('initiative.status')}
          </label>
          <select className="form-select" id="status" name="status" defaultValue={initial.status}>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(initiativeStatusKeys[status] ?? 'status.initiative.active')}
              </option>
            ))}
          </select>
        </div>
        {field('responsibleUnit', t('initiative.responsibleUnit'), 'text')}
        {field('partners', t('initiative.partners'), 'textarea', t('initiative.partnersHint'))}
        {field('startsOn', t('initiative.startsOn'), 'date')}
        {field('endsOn', t('initiative.endsOn'), 'date')}
        {field('links', t('initiative.links'), 'textarea', t('initiative.linksHint'))}
        <button type="submit" className="button button-primary">
          {t('initiative.save')}
        </button>
      </Form>
    </>
  );
}
