import { copenhagenToUtc } from '@brobygger/domain';
import type { Translate } from '../i18n';
import type { EventFieldValues } from './events.server';
import type { ApiProblem, FormErrors } from './form.server';
import { formErrorsFrom, formText } from './form.server';

// Associations and volunteers (issue 10): the forms' values and their API bodies.

const list = (form: FormData, name: string) =>
  form.getAll(name).filter((value): value is string => typeof value === 'string' && value !== '');

export const associationFormFields = [
  'name',
  'cvr',
  'description',
  'contactName',
  'email',
  'phone',
  'website',
  'address',
  'languages',
  'focusAreas',
] as const;

export interface AssociationFormValues {
  name: string;
  cvr: string;
  description: string;
  contactName: string;
  email: string;
  phone: string;
  website: string;
  address: string;
  languages: string[];
  focusAreas: string[];
}

export function associationValues(form: FormData): AssociationFormValues {
  return {
    name: formText(form, 'name'),
    cvr: formText(form, 'cvr'),
    description: formText(form, 'description'),
    contactName: formText(form, 'contactName'),
    email: formText(form, 'email'),
    phone: formText(form, 'phone'),
    website: formText(form, 'website'),
    address: formText(form, 'address'),
    languages: list(form, 'languages'),
    focusAreas: list(form, 'focusAreas'),
  };
}

/** The API's field errors on a form: `languages.1` belongs to the languages field. */
export function fieldErrorsOf(problem: ApiProblem, t: Translate, known: readonly string[]): FormErrors {
  const fields: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(problem.fields)) {
    const field = name.split('.')[0] ?? name;
    fields[field] = [...(fields[field] ?? []), ...messages];
  }
  return formErrorsFrom({ ...problem, fields }, t, known);
}

export const activityFormFields = [
  'title',
  'description',
  'startsAt',
  'endsAt',
  'address',
  'onlineUrl',
  'capacity',
  'languages',
  'focusAreas',
] as const;

/** An activity has exactly the fields it shares with an event (ADR 0017). */
export type ActivityFormValues = EventFieldValues;

export function activityValues(form: FormData): ActivityFormValues {
  return {
    title: formText(form, 'title'),
    description: formText(form, 'description'),
    startsAt: formText(form, 'startsAt'),
    endsAt: formText(form, 'endsAt'),
    address: formText(form, 'address'),
    onlineUrl: formText(form, 'onlineUrl'),
    capacity: formText(form, 'capacity'),
    languages: list(form, 'languages'),
    focusAreas: list(form, 'focusAreas'),
    stepFree: form.has('stepFree'),
    hearingLoop: form.has('hearingLoop'),
    interpreter: form.has('interpreter'),
    childcare: form.has('childcare'),
  };
}

/** The activity form as the API's body; times typed in Copenhagen's wall-clock become UTC. */
export function activityBody(values: ActivityFormValues, t: Translate) {
  const errors: Record<string, string> = {};
  const time = (field: 'startsAt' | 'endsAt') => {
    const instant = copenhagenToUtc(values[field].trim());
    if (!instant) {
      errors[field] = t('eventForm.invalidTime');
      return undefined;
    }
    return instant.toISOString();
  };
  let capacity: number | null = null;
  if (values.capacity.trim() !== '') {
    if (/^\d{1,9}$/.test(values.capacity.trim())) capacity = Number(values.capacity.trim());
    else errors.capacity = t('eventForm.invalidNumber');
  }
  const body = {
    title: values.title,
    description: values.description,
    startsAt: time('startsAt'),
    endsAt: time('endsAt'),
    address: values.address,
    onlineUrl: values.onlineUrl,
    capacity,
    languages: values.languages,
    focusAreas: values.focusAreas,
    stepFree: values.stepFree,
    hearingLoop: values.hearingLoop,
    interpreter: values.interpreter,
    childcare: values.childcare,
  };
  return { body, errors };
}

export const volunteerFormFields = [
  'skills',
  'skillsOther',
  'languages',
  'availability',
  'interests',
  'presentation',
  'consent',
] as const;

/** The volunteer form: a level select per language (`level-<code>`, empty = not spoken). */
export function volunteerBody(form: FormData, languageCodes: readonly string[]) {
  const languages: { language: string; level: string }[] = [];
  for (const code of languageCodes) {
    const level = formText(form, `level-${code}`);
    if (level) languages.push({ language: code, level });
  }
  const other = formText(form, 'otherLanguage').trim().toLowerCase();
  const otherLevel = formText(form, 'otherLevel');
  if (other && !languageCodes.includes(other))
    languages.push({ language: other, level: otherLevel || 'good' });
  return {
    skills: list(form, 'skills'),
    skillsOther: formText(form, 'skillsOther'),
    languages,
    availability: list(form, 'availability'),
    interests: list(form, 'interests'),
    presentation: formText(form, 'presentation'),
    consent: formText(form, 'consent') === 'yes',
  };
}
