import { copenhagenToUtc, utcToCopenhagenLocal } from '@brobygger/domain';
import type { AppLoadContext } from '@remix-run/node';
import { data } from '@remix-run/node';
import type { Translate } from '../i18n';
import type { CurrentUser } from '../load-context';
import type { ApiProblem, FormErrors } from './form.server';
import { formErrorsFrom, formText } from './form.server';
import { requireUser } from './session.server';

/** Staff and admins create, edit, publish and cancel events (the API's `event:manage`). */
export function canManageEvents(user: Pick<CurrentUser, 'roles'> | null | undefined): boolean {
  return user?.roles.some((grant) => grant.role === 'staff' || grant.role === 'admin') ?? false;
}

export async function requireEventManager(request: Request, context: AppLoadContext): Promise<CurrentUser> {
  const user = await requireUser(request, context);
  if (!canManageEvents(user)) throw data({ reason: 'role' }, { status: 403 });
  return user;
}

export const eventFormFields = [
  'typeId',
  'title',
  'description',
  'startsAt',
  'endsAt',
  'address',
  'onlineUrl',
  'capacity',
  'signupDeadline',
  'organiserName',
  'languages',
  'focusAreas',
  'reminderHours',
  // events-extras
  'recurrence',
  'scope',
] as const;

/** The fields an event and an association's activity share (components/event-fields.tsx), as typed. */
export interface EventFieldValues {
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  address: string;
  onlineUrl: string;
  capacity: string;
  languages: string[];
  focusAreas: string[];
  stepFree: boolean;
  hearingLoop: boolean;
  interpreter: boolean;
  childcare: boolean;
}

/** The values the form shows again (as typed) after an error, or an event's current values. */
export interface EventFormValues extends EventFieldValues {
  typeId: string;
  signupDeadline: string;
  organiserName: string;
  reminderHours: string;
  publishNow: boolean;
}

export function formValues(form: FormData): EventFormValues {
  const list = (name: string) =>
    form.getAll(name).filter((value): value is string => typeof value === 'string');
  return {
    typeId: formText(form, 'typeId'),
    title: formText(form, 'title'),
    description: formText(form, 'description'),
    startsAt: formText(form, 'startsAt'),
    endsAt: formText(form, 'endsAt'),
    address: formText(form, 'address'),
    onlineUrl: formText(form, 'onlineUrl'),
    capacity: formText(form, 'capacity'),
    signupDeadline: formText(form, 'signupDeadline'),
    organiserName: formText(form, 'organiserName'),
    languages: list('languages'),
    focusAreas: list('focusAreas'),
    stepFree: form.has('stepFree'),
    hearingLoop: form.has('hearingLoop'),
    interpreter: form.has('interpreter'),
    childcare: form.has('childcare'),
    reminderHours: formText(form, 'reminderHours'),
    publishNow: form.has('publishNow'),
  };
}

/** An event from the API as the form's values (times as Copenhagen wall-clock). */
export function valuesOfEvent(event: {
  typeId: number;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  address: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  signupDeadline: string | null;
  organiserName: string;
  languages: string[];
  focusAreas: { slug: string }[];
  accessibility: { stepFree: boolean; hearingLoop: boolean; interpreter: boolean; childcare: boolean };
  reminderHours: number;
  status: string;
}): EventFormValues {
  return {
    typeId: String(event.typeId),
    title: event.title,
    description: event.description,
    startsAt: utcToCopenhagenLocal(new Date(event.startsAt)),
    endsAt: utcToCopenhagenLocal(new Date(event.endsAt)),
    address: event.address ?? '',
    onlineUrl: event.onlineUrl ?? '',
    capacity: event.capacity === null ? '' : String(event.capacity),
    signupDeadline: event.signupDeadline ? utcToCopenhagenLocal(new Date(event.signupDeadline)) : '',
    organiserName: event.organiserName,
    languages: event.languages,
    focusAreas: event.focusAreas.map((area) => area.slug),
    ...event.accessibility,
    reminderHours: String(event.reminderHours),
    publishNow: event.status === 'published',
  };
}

/**
 * The form's values as the API's JSON body. Times typed in Copenhagen's wall-clock become UTC
 * instants here; what cannot be read as a time or a number is a field error before any API call.
 */
export function eventBody(
  values: EventFormValues,
  t: Translate,
): { body: Record<string, unknown>; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const time = (field: 'startsAt' | 'endsAt' | 'signupDeadline', optional: boolean) => {
    const text = values[field].trim();
    if (optional && text === '') return null;
    const instant = copenhagenToUtc(text);
    if (!instant) {
      errors[field] = t('eventForm.invalidTime');
      return undefined;
    }
    return instant.toISOString();
  };
  const whole = (field: 'capacity' | 'reminderHours' | 'typeId', optional: boolean) => {
    const text = values[field].trim();
    if (optional && text === '') return null;
    if (!/^-?\d{1,9}$/.test(text)) {
      errors[field] = t('eventForm.invalidNumber');
      return undefined;
    }
    return Number(text);
  };
  const body = {
    typeId: whole('typeId', false),
    title: values.title,
    description: values.description,
    startsAt: time('startsAt', false),
    endsAt: time('endsAt', false),
    address: values.address,
    onlineUrl: values.onlineUrl,
    capacity: whole('capacity', true),
    signupDeadline: time('signupDeadline', true),
    organiserName: values.organiserName,
    languages: values.languages,
    focusAreas: values.focusAreas,
    stepFree: values.stepFree,
    hearingLoop: values.hearingLoop,
    interpreter: values.interpreter,
    childcare: values.childcare,
    reminderHours: values.reminderHours.trim() === '' ? 48 : whole('reminderHours', false),
  };
  return { body, errors };
}

/** The API's field errors on the form: `languages.1` belongs to the languages field. */
export function eventFormErrors(problem: ApiProblem, t: Translate): FormErrors {
  const fields: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(problem.fields)) {
    const field = name.split('.')[0] ?? name;
    fields[field] = [...(fields[field] ?? []), ...messages];
  }
  return formErrorsFrom({ ...problem, fields }, t, eventFormFields);
}

export function localErrors(errors: Record<string, string>): FormErrors {
  return {
    form: [],
    fields: Object.fromEntries(Object.entries(errors).map(([field, text]) => [field, { text }])),
  };
}
