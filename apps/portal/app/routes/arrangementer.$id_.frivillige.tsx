import { commonVolunteerLanguages } from '@brobygger/domain';
import { Alert } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { FormErrorSummary } from '../components/form-errors';
import { SpokenLanguages } from '../components/volunteer-parts';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { fieldErrorsOf } from '../lib/associations.server';
import { languageName } from '../lib/event-format';
import { requireEventManager } from '../lib/events.server';
import { type FormErrors, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { hydrate } from '../lib/hydration';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';

// Associations and volunteers (issue 10): an event asks for volunteers who speak given languages;
// staff see the consenting volunteers who do, best match first, and invite them in one action.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireEventManager(request, context);
  const response = await context.api.api.events[':id']['volunteer-matches'].$get({
    param: { id: params.id ?? '' },
  });
  if (response.status === 401) throw redirect(loginUrl(request));
  if (!response.ok) apiFailure('GET /api/events/:id/volunteer-matches', response.status);
  return response.json();
}

type ActionData =
  | { done: 'languages' }
  | { done: 'invited'; invited: number; alreadyInvited: number }
  | { errors: FormErrors };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const id = params.id ?? '';
  const event = context.api.api.events[':id'];
  const list = (name: string) =>
    form.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
  const response =
    intent === 'languages'
      ? await event['volunteer-languages'].$put({ param: { id }, json: { languages: list('languages') } })
      : await event['volunteer-invitations'].$post({ param: { id }, json: { userIds: list('userIds') } });
  if (response.status === 401) throw redirect(loginUrl(request));
  if (response.ok) {
    if (intent === 'languages') return data<ActionData>({ done: 'languages' });
    const answer = (await response.json()) as { invited: number; alreadyInvited: number };
    return data<ActionData>({ done: 'invited', ...answer });
  }
  const problem = await readApiProblem(response);
  return data<ActionData>(
    { errors: fieldErrorsOf(problem, translatorFor(request), ['languages', 'userIds']) },
    { status: problem.status },
  );
}

export const handle = hydrate;

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'matching.title' });

export default function EventVolunteersPage() {
  const { event, languages, matches } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, lng, dataLang } = useTranslation();
  const choices = [...new Set([...commonVolunteerLanguages, ...languages])];
  const invitable = matches.filter((match) => !match.invited && !match.signedUp);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.events'), to: '/arrangementer' },
          { label: event.title, to: `/arrangementer/${event.id}`, lang: dataLang },
          { label: t('matching.title') },
        ]}
      />
      <h1>{t('matching.heading', { title: event.title })}</h1>
      {actionData && 'done' in actionData ? (
        <Alert variant="success" role="status">
          <p>
            {actionData.done === 'languages'
              ? t('matching.languagesSaved')
              : t('matching.invited', { count: actionData.invited, already: actionData.alreadyInvited })}
          </p>
        </Alert>
      ) : null}
      <FormErrorSummary errors={actionData && 'errors' in actionData ? actionData.errors : undefined} />
      <Form method="post">
        <input type="hidden" name="intent" value="languages" />
        <fieldset className="form-group" id="languages">
          <legend className="form-label">{t('matching.languages')}</legend>
          <ul className="nobullet-list event-form__choices">
            {choices.map((code) => (
              <li key={code} className="form-group-checkbox">
                <input
                  className="form-checkbox"
                  type="checkbox"
                  id={`language-${code}`}
                  name="languages"
                  value={code}
                  defaultChecked={languages.includes(code)}
                />
                <label htmlFor={`language-${code}`}>{languageName(code, lng)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit" className="button button-secondary">
          {t('matching.saveLanguages')}
        </button>
      </Form>

      <section aria-labelledby="matches-heading">
        <h2 id="matches-heading">{t('matching.matches')}</h2>
        {languages.length === 0 ? (
          <p>{t('matching.noLanguages')}</p>
        ) : matches.length === 0 ? (
          <p>{t('matching.none')}</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="invite" />
            <fieldset className="form-group" id="userIds">
              <legend className="form-label">{t('matching.choose')}</legend>
              <ol className="nobullet-list">
                {matches.map((match) => (
                  <li key={match.userId} className="form-group-checkbox">
                    <input
                      className="form-checkbox"
                      type="checkbox"
                      id={`match-${match.userId}`}
                      name="userIds"
                      value={match.userId}
                      defaultChecked={!match.invited && !match.signedUp}
                      disabled={match.invited || match.signedUp}
                    />
                    <label htmlFor={`match-${match.userId}`}>
                      {match.name} — <SpokenLanguages languages={match.languages} />
                      {match.attended > 0 ? ` · ${t('matching.attended', { count: match.attended })}` : ''}
                      {match.signedUp
                        ? ` · ${t('matching.signedUp')}`
                        : match.invited
                          ? ` · ${t('matching.alreadyInvited')}`
                          : ''}
                    </label>{' '}
                    <Link to={`/frivillige/${match.userId}`}>
                      {t('matching.profile', { name: match.name })}
                    </Link>
                  </li>
                ))}
              </ol>
            </fieldset>
            {invitable.length > 0 ? (
              <button type="submit" className="button button-primary">
                {t('matching.invite')}
              </button>
            ) : null}
          </Form>
        )}
      </section>
    </>
  );
}
