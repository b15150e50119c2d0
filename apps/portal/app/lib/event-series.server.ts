import type { RecurrenceValues } from '../components/recurrence-fields';
import { formText } from './form.server';

/** The recurrence fields of the new-event form, as typed, and as the API's `recurrence`. */
export function recurrenceFromForm(form: FormData): {
  values: RecurrenceValues;
  body: Record<string, unknown>;
} {
  const values = {
    frequency: formText(form, 'recurrenceFrequency'),
    until: formText(form, 'recurrenceUntil'),
    weekOfMonth: formText(form, 'recurrenceWeekOfMonth'),
  };
  if (values.frequency === '') return { values, body: {} };
  return {
    values,
    body: {
      recurrence: {
        frequency: values.frequency,
        // Empty: left out, so the API answers "a recurrence needs an end".
        ...(values.until ? { until: values.until } : {}),
        ...(values.weekOfMonth === '-1' ? { weekOfMonth: -1 } : {}),
      },
    },
  };
}

/** "this" or "following" from the edit form of an occurrence; nothing for a single event. */
export function scopeFromForm(form: FormData): Record<string, unknown> {
  const scope = formText(form, 'scope');
  return scope === 'following' ? { scope: 'following' } : {};
}
