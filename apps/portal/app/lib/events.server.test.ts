import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n';
import '../i18n/catalogues';
import { eventBody, eventFormErrors, formValues, valuesOfEvent } from './events.server';

const t = createTranslator('da');

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('the event form', () => {
  it('turns Copenhagen wall-clock times into UTC and reads the checkboxes', () => {
    const values = formValues(
      form([
        ['typeId', '2'],
        ['title', 'Dialogmøde'],
        ['startsAt', '2030-03-31T02:30'],
        ['endsAt', '2030-10-27T02:30'],
        ['capacity', ''],
        ['signupDeadline', ''],
        ['languages', 'da'],
        ['languages', 'ar'],
        ['stepFree', 'on'],
        ['reminderHours', '24'],
      ]),
    );
    const { body, errors } = eventBody(values, t);
    expect(errors).toEqual({});
    expect(body).toMatchObject({
      typeId: 2,
      startsAt: '2030-03-31T01:30:00.000Z',
      endsAt: '2030-10-27T00:30:00.000Z',
      capacity: null,
      signupDeadline: null,
      languages: ['da', 'ar'],
      stepFree: true,
      hearingLoop: false,
      reminderHours: 24,
    });
  });

  it('says which fields are not a time or a whole number, before asking the API', () => {
    const { errors } = eventBody(
      formValues(
        form([
          ['typeId', 'x'],
          ['startsAt', 'i morgen'],
          ['endsAt', ''],
          ['capacity', '2,5'],
        ]),
      ),
      t,
    );
    expect(Object.keys(errors).sort()).toEqual(['capacity', 'endsAt', 'startsAt', 'typeId']);
  });

  it('shows an event’s times on Copenhagen’s clock and puts `languages.1` errors on the field', () => {
    const values = valuesOfEvent({
      typeId: 1,
      title: 'T',
      description: '',
      startsAt: '2030-07-01T15:00:00.000Z',
      endsAt: '2030-07-01T17:00:00.000Z',
      address: null,
      onlineUrl: 'https://x.dk',
      capacity: null,
      signupDeadline: null,
      organiserName: 'O',
      languages: ['da'],
      focusAreas: [{ slug: 'kvinder' }],
      accessibility: { stepFree: false, hearingLoop: true, interpreter: false, childcare: false },
      reminderHours: 48,
      status: 'draft',
    });
    expect(values).toMatchObject({
      startsAt: '2030-07-01T17:00',
      capacity: '',
      focusAreas: ['kvinder'],
      hearingLoop: true,
    });
    const errors = eventFormErrors(
      {
        status: 422,
        code: 'validation_failed',
        message: 'x',
        fields: { 'languages.1': ['Ukendt sprogkode'] },
        retryAfter: null,
      },
      t,
    );
    expect(errors.fields.languages?.text).toBe('Ukendt sprogkode');
  });
});
