import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formatEventTime } from '../lib/event-format';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';
import { requireUser } from '../lib/session.server';

// Associations and volunteers (issue 10): a simple statement of volunteering for a job
// application — a page made for printing (or "save as PDF" in the browser's print dialogue).
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const response = await context.api.api.volunteers.me.history.$get();
  if (response.status === 401) throw redirect(loginUrl(request));
  if (!response.ok) apiFailure('GET /api/volunteers/me/history', (response as Response).status);
  return { ...(await response.json()), issuedAt: new Date().toISOString() };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'statement.title' });

export default function StatementPage() {
  const { name, events, attendedCount, hours, issuedAt } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  const attended = events.filter((event) => event.attended);
  const date = new Intl.DateTimeFormat(lng === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Copenhagen',
  }).format(new Date(issuedAt));
  const hoursText = new Intl.NumberFormat(lng === 'da' ? 'da-DK' : 'en-GB').format(hours);
  return (
    <article className="volunteer-statement">
      <h1>{t('statement.heading')}</h1>
      <p className="font-lead">{t('statement.body', { name, count: attendedCount, hours: hoursText })}</p>
      {attended.length > 0 ? (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('history.event')}</th>
              <th scope="col">{t('statement.organiser')}</th>
              <th scope="col">{t('history.when')}</th>
              <th scope="col">{t('history.hours')}</th>
            </tr>
          </thead>
          <tbody>
            {attended.map((event) => (
              <tr key={event.eventId}>
                <td lang={dataLang}>{event.title}</td>
                <td lang={dataLang}>{event.organiserName}</td>
                <td>{formatEventTime(event.startsAt, event.endsAt, lng)}</td>
                <td>{event.hours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p>{t('statement.issued', { date })}</p>
      <p>{t('statement.signature')}</p>
      <p className="statement-print-hint">{t('statement.printHint')}</p>
    </article>
  );
}
