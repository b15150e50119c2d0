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
import { SeriesScopeField } from '../components/recurrence-fields';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { scopeFromForm } from '../lib/event-series.server';
import {
  type EventFormValues,
  eventBody,
  eventFormErrors,
  formValues,
  localErrors,
  requireEventManager,
  valuesOfEvent,
} from '../lib/events.server';
import { type FormErrors, readApiProblem, translatorFor } from '../lib/form.server';
import { hydrate } from '../lib/hydration';
import { pageMeta } from '../lib/meta';
import { getFocusAreas } from '../lib/policy.server';
import { loginUrl } from '../lib/redirect-to';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireEventManager(request, context);
  const [found, types, focusAreas] = await Promise.all([
    context.api.api.events[':id'].$get({ param: { id: params.id ?? '' } }),
    context.api.api['event-types'].$get(),
    getFocusAreas(context.api),
  ]);
  if (!found.ok) apiFailure('GET /api/events/:id', found.status);
  if (!types.ok) apiFailure('GET /api/event-types', types.status);
  const { event } = await found.json();
  return {
    event: { id: event.id, title: event.title, seriesId: event.seriesId },
    values: valuesOfEvent(event),
    eventTypes: (await types.json()).eventTypes,
    focusAreas: focusAreas.map(({ slug, name }) => ({ slug, name })),
  };
}

interface ActionData {
  values: EventFormValues;
  errors: FormErrors;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const t = translatorFor(request);
  const values = formValues(form);
  const { body, errors } = eventBody(values, t);
  if (Object.keys(errors).length > 0)
    return data<ActionData>({ values, errors: localErrors(errors) }, { status: 422 });
  const id = params.id ?? '';
  const response = await context.api.api.events[':id'].$patch({
    param: { id },
    json: { ...body, ...scopeFromForm(form) } as never, // events-extras: "this and following"
  });
  if (response.ok) return redirect(flashUrl(`/arrangementer/${encodeURIComponent(id)}`, 'arrangement-gemt'));
  if (response.status === 401) throw redirect(loginUrl(request));
  const problem = await readApiProblem(response);
  return data<ActionData>({ values, errors: eventFormErrors(problem, t) }, { status: problem.status });
}

export const handle = hydrate;

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'eventForm.editTitle' });

export default function EditEventPage() {
  const { event, values, eventTypes, focusAreas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, dataLang } = useTranslation();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.events'), to: '/arrangementer' },
          { label: event.title, to: `/arrangementer/${event.id}`, lang: dataLang },
          { label: t('eventForm.editTitle') },
        ]}
      />
      <h1>{t('eventForm.editTitle')}</h1>
      <EventForm
        values={actionData?.values ?? values}
        errors={actionData?.errors}
        eventTypes={eventTypes}
        focusAreas={focusAreas}
        isNew={false}
        extras={event.seriesId ? <SeriesScopeField /> : null}
      />
    </>
  );
}
