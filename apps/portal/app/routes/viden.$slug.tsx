import { Alert, Badge } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { flashUrl } from '../components/flash-message';
import { audienceKeys, resourceKindKeys, SanitisedHtml } from '../components/knowledge';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formatDate } from '../lib/format';
import { isStaffUser } from '../lib/knowledge.server';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';

export async function loader({ params, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  // Whether the visitor may read it depends on who they are: rendered for each visitor.
  const [response, user] = await Promise.all([
    context.api.api.resources[':slug'].$get({ param: { slug } }),
    context.currentUser().catch(() => null),
  ]);
  if (!response.ok) apiFailure('GET /api/resources/:slug', response.status);
  const { resource } = await response.json();
  return { resource, signedIn: user !== null, canManage: isStaffUser(user) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug ?? '';
  const response = await context.api.api.resources[':slug'].review.$post({ param: { slug } });
  if (response.status === 401) throw redirect(loginUrl(request));
  if (!response.ok) apiFailure('POST /api/resources/:slug/review', response.status);
  return redirect(flashUrl(`/viden/${slug}`, 'ressource-gennemset'));
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaderData }) =>
  pageMeta(matches, loaderData ? { text: loaderData.resource.title } : { key: 'notFound.title' });

const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export default function ResourcePage() {
  const { resource, signedIn, canManage } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  const [search] = useSearchParams();
  const suggested = search.get('foreslaaet') === '1';
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.knowledge'), to: '/viden' },
          { label: resource.title, lang: dataLang },
        ]}
      />
      {suggested ? (
        <Alert variant="success" role="status">
          {t('knowledge.suggestionSent')}
        </Alert>
      ) : null}
      <p>
        <Badge>{t(resourceKindKeys[resource.kind] ?? 'knowledge.kind.guide')}</Badge>{' '}
        <Badge variant="info">{t(audienceKeys[resource.audience] ?? 'knowledge.audience.public')}</Badge>
      </p>
      <h1 lang={dataLang}>{resource.title}</h1>
      {resource.summary ? (
        <p className="font-lead" lang={dataLang}>
          {resource.summary}
        </p>
      ) : null}
      {resource.url ? (
        <p>
          <a href={resource.url} rel="noopener noreferrer nofollow">
            {t('knowledge.openLink')}
          </a>
        </p>
      ) : null}
      <SanitisedHtml html={resource.bodyHtml} lang={dataLang} />

      {resource.attachments.length > 0 ? (
        <section aria-labelledby="attachments-heading">
          <h2 id="attachments-heading">{t('knowledge.attachments')}</h2>
          <ul>
            {resource.attachments.map((file) => (
              <li key={file.id}>
                <a href={file.url} lang={dataLang}>
                  {file.fileName}
                </a>{' '}
                ({formatSize(file.sizeBytes)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {resource.sourceThread ? (
        <p>
          {t('knowledge.fromForum')}{' '}
          <Link to={`/forum/traad/${resource.sourceThread.id}`} lang={dataLang}>
            {resource.sourceThread.title}
          </Link>
        </p>
      ) : null}

      <h2>{t('knowledge.facts')}</h2>
      <dl className="knowledge-facts">
        {resource.focusAreas.length > 0 ? (
          <>
            <dt>{t('knowledge.form.focusAreas')}</dt>
            <dd>
              {resource.focusAreas.map((area, index) => (
                <span key={area.slug}>
                  {index > 0 ? ', ' : ''}
                  <Link to={`/viden?focusArea=${area.slug}`} lang={dataLang}>
                    {area.name}
                  </Link>
                </span>
              ))}
            </dd>
          </>
        ) : null}
        {resource.tags.length > 0 ? (
          <>
            <dt>{t('knowledge.form.tags')}</dt>
            <dd>
              {resource.tags.map((tag, index) => (
                <span key={tag}>
                  {index > 0 ? ', ' : ''}
                  <Link to={`/viden?tag=${encodeURIComponent(tag)}`} lang={dataLang}>
                    {tag}
                  </Link>
                </span>
              ))}
            </dd>
          </>
        ) : null}
        <dt>{t('knowledge.lastReviewed')}</dt>
        <dd>
          {resource.lastReviewedAt
            ? formatDate(resource.lastReviewedAt.slice(0, 10), lng)
            : t('knowledge.neverReviewed')}
          {resource.needsReview ? (
            <>
              {' '}
              <Badge variant="warning">{t('knowledge.needsReview')}</Badge>
            </>
          ) : null}
        </dd>
        <dt>{t('knowledge.revision')}</dt>
        <dd>
          {resource.revision} –{' '}
          <Link to={`/viden/${resource.slug}/historik`}>{t('knowledge.historyLink')}</Link>
        </dd>
      </dl>

      <ul className="knowledge-actions">
        {signedIn ? (
          <li>
            <Link to={`/viden/${resource.slug}/foreslaa`}>{t('knowledge.suggestLink')}</Link>
          </li>
        ) : null}
        {canManage ? (
          <>
            <li>
              <Link to={`/viden/${resource.slug}/rediger`} className="button button-secondary">
                {t('knowledge.editLink')}
              </Link>
            </li>
            <li>
              <Form method="post">
                <button type="submit" className="button button-tertiary">
                  {t('knowledge.markReviewed')}
                </button>
              </Form>
            </li>
          </>
        ) : null}
      </ul>
    </>
  );
}
