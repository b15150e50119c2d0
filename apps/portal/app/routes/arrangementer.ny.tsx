import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { EventForm } from '../components/event-form';
import { flashUrl } from '../components/flash-message';
import { RecurrenceFields, type RecurrenceValues } from '../components/recurrence-fields';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { recurrenceFromForm } from '../lib/event-series.server';
import {
  type EventFormValues,
  eventBody,
  eventFormErrors,
  formValues,
  localErrors,
  requireEventManager,
} from '../lib/events.server';
import { type FormErrors, readApiProblem, translatorFor } from '../lib/form.server';
import { hydrate } from '../lib/hydration';
import { pageMeta } from '../lib/meta';
import { getFocusAreas } from '../lib/policy.server';
import { loginUrl } from '../lib/redirect-to';

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireEventManager(request, context);
  const [types, focusAreas] = await Promise.all([
    context.api.api['event-types'].$get(),
    getFocusAreas(context.api),
  ]);
  if (!types.ok) apiFailure('GET /api/event-types', types.status);
  return {
    eventTypes: (await types.json()).eventTypes,
    focusAreas: focusAreas.map(({ slug, name }) => ({ slug, name })),
  };
}

interface ActionData {
  values: EventFormValues;
  errors: FormErrors;
  recurrence?: RecurrenceValues;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const t = translatorFor(request);
  const values = formValues(form);
  const { body, errors } = eventBody(values, t);
  const recurrence = recurrenceFromForm(form); // events-extras
  if (Object.keys(errors).length > 0)
    return data<ActionData>(
      { values, errors: localErrors(errors), recurrence: recurrence.values },
      { status: 422 },
    );
  const response = await context.api.api.events.$post({
    json: { ...body, ...recurrence.body, status: values.publishNow ? 'published' : 'draft' } as never,
  });
  if (response.status === 201) {
    const { event } = (await response.json()) as { event: { id: number } };
    return redirect(flashUrl(`/arrangementer/${event.id}`, 'arrangement-gemt'));
  }
  if (response.status === 401) throw redirect(loginUrl(request));
  const problem = await readApiProblem(response);
  return data<ActionData>(
    { values, errors: eventFormErrors(problem, t), recurrence: recurrence.values },
    { status: problem.status },
  );
}

// A signed-in staff page: React in the browser like the other signed-in pages (lib/hydration.ts).
export const handle = hydrate;

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'eventForm.newTitle' });

export default function NewEventPage() {
  const { eventTypes, focusAreas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.events'), to: '/arrangementer' },
          { label: t('eventForm.newTitle') },
        ]}
      />
      <h1>{t('eventForm.newTitle')}</h1>
      <EventForm
        values={actionData?.values ?? null}
        errors={actionData?.errors}
        eventTypes={eventTypes}
        focusAreas={focusAreas}
        isNew
        extras={<RecurrenceFields values={actionData?.recurrence} errors={actionData?.errors} />}
      />
    </>
  );
}
