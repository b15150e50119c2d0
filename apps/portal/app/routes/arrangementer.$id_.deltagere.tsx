import { Alert, TextField } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { FormErrorSummary, useFieldError } from '../components/form-errors';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { type FormErrors, formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { formatDateTime } from '../lib/format';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';
import { requireUser } from '../lib/session.server';

// On the day (issue 9): staff see who is coming, check people in by code (typed, or opened from
// the participant's QR code: ?kode=…), mark attendance, and download the list for Excel.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // Issue 10: staff, and an association's members for their own activities (the API decides).
  await requireUser(request, context);
  const response = await context.api.api.events[':id'].participants.$get({ param: { id: params.id ?? '' } });
  if (response.status === 401) throw redirect(loginUrl(request));
  if (response.status === 403) throw data({ reason: 'role' }, { status: 403 });
  if (!response.ok) apiFailure('GET /api/events/:id/participants', response.status);
  return response.json();
}

type ParticipantsActionData =
  | { intent: 'check-in'; done: true; name: string; alreadyCheckedIn: boolean }
  | { intent: 'check-in' | 'attendance'; done: false; code?: string; errors: FormErrors };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const id = params.id ?? '';
  const event = context.api.api.events[':id'];
  const t = translatorFor(request);
  if (intent === 'check-in') {
    const code = formText(form, 'code');
    const response = await event['check-in'].$post({ param: { id }, json: { code } });
    if (response.status === 401) throw redirect(loginUrl(request));
    if (response.ok) {
      const answer = await response.json();
      return data<ParticipantsActionData>({ intent, done: true, ...answer });
    }
    const problem = await readApiProblem(response);
    return data<ParticipantsActionData>(
      { intent, done: false, code, errors: formErrorsFrom(problem, t, ['code']) },
      { status: problem.status },
    );
  }
  if (intent === 'attendance') {
    const response = await event.participants[':registrationId'].attendance.$post({
      param: { id, registrationId: formText(form, 'registrationId') },
      json: { attended: formText(form, 'attended') === 'true' },
    });
    if (response.status === 401) throw redirect(loginUrl(request));
    if (response.ok) return redirect(new URL(request.url).pathname);
    const problem = await readApiProblem(response);
    return data<ParticipantsActionData>(
      { intent, done: false, errors: formErrorsFrom(problem, t, []) },
      { status: problem.status },
    );
  }
  return data<ParticipantsActionData>(
    { intent: 'attendance', done: false, errors: { form: [], fields: {} } },
    { status: 400 },
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, { key: 'participants.link' });

export default function ParticipantsPage() {
  const { event, participants } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ParticipantsActionData | undefined;
  const [searchParams] = useSearchParams();
  const { t, lng, dataLang } = useTranslation();
  const errors = actionData && !actionData.done ? actionData.errors : undefined;
  const fieldError = useFieldError(errors);
  const confirmed = participants.filter((p) => p.status === 'confirmed').length;
  const attended = participants.filter((p) => p.attendedAt).length;
  const codeValue =
    actionData && !actionData.done && actionData.intent === 'check-in'
      ? actionData.code
      : (searchParams.get('kode') ?? undefined);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.events'), to: '/arrangementer' },
          { label: event.title, to: `/arrangementer/${event.id}`, lang: dataLang },
          { label: t('participants.listHeading') },
        ]}
      />
      <h1>{t('participants.title', { title: event.title })}</h1>
      <p className="font-lead">
        {t('participants.summary', { confirmed, waitlisted: participants.length - confirmed, attended })}
      </p>
      <FormErrorSummary errors={errors} />
      {actionData?.done ? (
        <Alert variant="success" role="status">
          <p>
            {actionData.alreadyCheckedIn
              ? t('participants.alreadyCheckedIn', { name: actionData.name })
              : t('participants.checkedIn', { name: actionData.name })}
          </p>
        </Alert>
      ) : null}

      <section aria-labelledby="check-in-heading">
        <h2 id="check-in-heading">{t('participants.checkInHeading')}</h2>
        <Form method="post" noValidate className="check-in-form">
          <input type="hidden" name="intent" value="check-in" />
          <TextField
            id="code"
            label={t('participants.code')}
            hint={t('participants.codeHint')}
            autoComplete="off"
            spellCheck={false}
            maxLength={32}
            width="s"
            defaultValue={codeValue}
            required
            {...fieldError('code')}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('participants.checkIn')}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t('participants.listHeading')}</h2>
        <p>
          <a href={`/api/events/${event.id}/participants.csv`} download>
            {t('participants.csv')}
          </a>
        </p>
        {participants.length === 0 ? (
          <p>{t('participants.empty')}</p>
        ) : (
          <div className="table--responsive-scroll">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{t('participants.name')}</th>
                  <th scope="col">{t('participants.email')}</th>
                  <th scope="col">{t('participants.status')}</th>
                  <th scope="col">{t('participants.code')}</th>
                  <th scope="col">{t('participants.attended')}</th>
                </tr>
              </thead>
              <tbody>
                {participants.map((p) => (
                  <tr key={p.registrationId}>
                    <th scope="row" lang={dataLang}>
                      {p.name}
                      {p.guest ? ` (${t('participants.guest')})` : null}
                    </th>
                    <td>{p.email}</td>
                    <td>
                      {p.status === 'confirmed'
                        ? t('participants.confirmed')
                        : t('participants.waitlisted', { position: p.position ?? 0 })}
                    </td>
                    <td>{p.checkInCode ? `${p.checkInCode.slice(0, 4)}-${p.checkInCode.slice(4)}` : ''}</td>
                    <td>
                      <Form method="post" className="attendance-form">
                        <input type="hidden" name="intent" value="attendance" />
                        <input type="hidden" name="registrationId" value={p.registrationId} />
                        <input type="hidden" name="attended" value={p.attendedAt ? 'false' : 'true'} />
                        {p.attendedAt ? <span>{formatDateTime(p.attendedAt, lng)} </span> : null}
                        <button type="submit" className="button button-tertiary">
                          {p.attendedAt
                            ? t('participants.unmarkAttended', { name: p.name })
                            : t('participants.markAttended', { name: p.name })}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p>
        <Link to={`/arrangementer/${event.id}`}>{t('participants.backToEvent')}</Link>
      </p>
    </>
  );
}
