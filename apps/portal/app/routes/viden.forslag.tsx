import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { flashUrl } from '../components/flash-message';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formatDateTime } from '../lib/format';
import { requireStaff } from '../lib/knowledge.server';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const response = await context.api.api['resource-suggestions'].$get({ query: {} });
  if (!response.ok) apiFailure('GET /api/resource-suggestions', response.status);
  return response.json();
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const id = String(form.get('id') ?? '');
  const decision = form.get('decision') === 'accept' ? 'accept' : 'reject';
  const note = String(form.get('note') ?? '').slice(0, 300);
  const response = await context.api.api['resource-suggestions'][':id'].decision.$post({
    param: { id },
    json: { decision, note },
  });
  if (response.status === 401) throw redirect(loginUrl(request));
  if (!response.ok && response.status !== 409) apiFailure('POST decision', response.status);
  return redirect(flashUrl('/viden/forslag', decision === 'accept' ? 'forslag-godkendt' : 'forslag-afvist'));
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'knowledge.suggestionsTitle' });

export default function SuggestionsPage() {
  const { suggestions } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.knowledge'), to: '/viden' },
          { label: t('knowledge.suggestionsTitle') },
        ]}
      />
      <h1>{t('knowledge.suggestionsTitle')}</h1>
      {suggestions.length === 0 ? <p>{t('knowledge.noSuggestions')}</p> : null}
      {suggestions.map((suggestion) => (
        <article
          key={suggestion.id}
          className="knowledge-card"
          aria-labelledby={`suggestion-${suggestion.id}`}
        >
          <h2 className="h3" id={`suggestion-${suggestion.id}`}>
            <Link to={`/viden/${suggestion.resource.slug}`} lang={dataLang}>
              {suggestion.resource.title}
            </Link>
          </h2>
          <p>
            {t('knowledge.suggestedBy', {
              name: suggestion.authorName,
              when: formatDateTime(suggestion.createdAt, lng),
            })}
          </p>
          <p lang={dataLang}>
            <strong>{t('knowledge.suggestNote')}:</strong> {suggestion.note}
          </p>
          <details>
            <summary>{t('knowledge.showSuggestion')}</summary>
            <p lang={dataLang}>
              <strong>{suggestion.title}</strong>
            </p>
            <p lang={dataLang}>{suggestion.summary}</p>
            <pre className="knowledge-pre" lang={dataLang}>
              {suggestion.body}
            </pre>
          </details>
          <Form method="post">
            <input type="hidden" name="id" value={suggestion.id} />
            <div className="form-group">
              <label className="form-label" htmlFor={`note-${suggestion.id}`}>
                {t('knowledge.decisionNote')}
              </label>
              <input className="form-input" id={`note-${suggestion.id}`} name="note" maxLength={300} />
            </div>
            <button type="submit" name="decision" value="accept" className="button button-primary">
              {t('knowledge.accept')}
            </button>{' '}
            <button type="submit" name="decision" value="reject" className="button button-secondary">
              {t('knowledge.reject')}
            </button>
          </Form>
        </article>
      ))}
    </>
  );
}
