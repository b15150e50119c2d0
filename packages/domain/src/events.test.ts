import { describe, expect, it } from 'vitest';
import { fieldErrors } from './errors.ts';
import {
  capacityChange,
  copenhagenToUtc,
  createEventSchema,
  eventListQuerySchema,
  eventShapeIssues,
  guestSignUpSchema,
  mapLink,
  newEventTimingIssues,
  registrationStatus,
  seatsLeft,
  signUpRefusal,
  timeOrPlaceChanged,
  updateEventSchema,
  utcToCopenhagenLocal,
} from './events.ts';

const valid = {
  typeId: 1,
  title: 'Koordineringsmøde for frivillige',
  startsAt: '2030-05-01T16:00:00Z',
  endsAt: '2030-05-01T18:00:00Z',
  address: 'Adelgade 44, 8660 Skanderborg',
  organiserName: 'Integrationsteamet',
};

function errorsOf(input: unknown) {
  const result = createEventSchema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

describe('createEventSchema', () => {
  it('accepts a minimal event and fills in the defaults', () => {
    const event = createEventSchema.parse(valid);
    expect(event.status).toBe('draft');
    expect(event.reminderHours).toBe(48);
    expect(event.languages).toEqual([]);
    expect(event.stepFree).toBe(false);
    expect(event.startsAt).toEqual(new Date('2030-05-01T16:00:00Z'));
  });

  it('refuses an end before the start, a deadline after the start and no place', () => {
    const errors = errorsOf({
      ...valid,
      address: undefined,
      endsAt: '2030-05-01T15:00:00Z',
      signupDeadline: '2030-05-01T17:00:00Z',
    });
    expect(Object.keys(errors).sort()).toEqual(['address', 'endsAt', 'signupDeadline']);
  });

  it('refuses negative capacity, unknown languages, wrong types and too-long text', () => {
    expect(errorsOf({ ...valid, capacity: -1 }).capacity).toBeDefined();
    expect(errorsOf({ ...valid, capacity: 2.5 }).capacity).toBeDefined();
    expect(errorsOf({ ...valid, languages: ['da', 'xx'] })['languages.1']).toBeDefined();
    expect(errorsOf({ ...valid, typeId: 'one' }).typeId).toBeDefined();
    expect(errorsOf({ ...valid, title: 'x'.repeat(201) }).title).toBeDefined();
    expect(errorsOf({ ...valid, title: '   ' }).title).toBeDefined();
    expect(errorsOf({ ...valid, onlineUrl: 'javascript:alert(1)' }).onlineUrl).toBeDefined();
    expect(errorsOf({ ...valid, startsAt: '1. maj' }).startsAt).toBeDefined();
    expect(errorsOf({ ...valid, extra: 1 })._).toBeDefined();
  });

  it('takes an online link instead of an address, and language codes in any case', () => {
    const event = createEventSchema.parse({
      ...valid,
      address: '',
      onlineUrl: 'https://meet.example.dk/abc',
      languages: ['DA', 'ar'],
    });
    expect(event.address).toBeNull();
    expect(event.languages).toEqual(['da', 'ar']);
  });

  it('refuses a recurrence without an end', () => {
    expect(errorsOf({ ...valid, recurrence: { frequency: 'weekly' } })['recurrence.until']).toBeDefined();
    expect(errorsOf({ ...valid, recurrence: { frequency: 'weekly', until: '2030-08-01' } })).toEqual({});
  });
});

describe('event rules', () => {
  it('confirms while seats are free and waitlists after, unlimited when capacity is null', () => {
    expect(registrationStatus(2, 0)).toBe('confirmed');
    expect(registrationStatus(2, 1)).toBe('confirmed');
    expect(registrationStatus(2, 2)).toBe('waitlisted');
    expect(registrationStatus(0, 0)).toBe('waitlisted');
    expect(registrationStatus(null, 10_000)).toBe('confirmed');
    expect(seatsLeft(5, 7)).toBe(0);
    expect(seatsLeft(null, 7)).toBeNull();
  });

  it('refuses sign-up to drafts, cancelled, past and closed events', () => {
    const now = new Date('2030-05-01T12:00:00Z');
    const event = {
      status: 'published' as const,
      startsAt: new Date('2030-05-02T12:00:00Z'),
      signupDeadline: null,
    };
    expect(signUpRefusal(event, now)).toBeNull();
    expect(signUpRefusal({ ...event, status: 'draft' }, now)).toBe('not-published');
    expect(signUpRefusal({ ...event, status: 'cancelled' }, now)).toBe('cancelled');
    expect(signUpRefusal({ ...event, startsAt: now }, now)).toBe('past');
    expect(signUpRefusal({ ...event, signupDeadline: new Date('2030-05-01T11:59:59Z') }, now)).toBe('closed');
    expect(signUpRefusal({ ...event, signupDeadline: new Date('2030-05-01T12:00:01Z') }, now)).toBeNull();
  });

  it('refuses capacity below the confirmed count and promotes when it grows', () => {
    expect(capacityChange(3, 4, 0).ok).toBe(false);
    expect(capacityChange(4, 4, 2)).toEqual({ ok: true, promote: 0 });
    expect(capacityChange(5, 4, 2)).toEqual({ ok: true, promote: 1 });
    expect(capacityChange(10, 4, 2)).toEqual({ ok: true, promote: 2 });
    expect(capacityChange(null, 4, 7)).toEqual({ ok: true, promote: 7 });
  });

  it('sees a change of time or place, and nothing else', () => {
    const before = {
      startsAt: new Date('2030-05-01T16:00:00Z'),
      endsAt: new Date('2030-05-01T18:00:00Z'),
      address: 'A',
      onlineUrl: null,
    };
    expect(timeOrPlaceChanged(before, { ...before })).toBe(false);
    expect(timeOrPlaceChanged(before, { ...before, address: 'B' })).toBe(true);
    expect(timeOrPlaceChanged(before, { ...before, onlineUrl: 'https://x.dk' })).toBe(true);
    expect(timeOrPlaceChanged(before, { ...before, endsAt: new Date('2030-05-01T19:00:00Z') })).toBe(true);
  });

  it('checks the shape and refuses new events in the past', () => {
    const shape = {
      startsAt: new Date('2030-05-01T16:00:00Z'),
      endsAt: new Date('2030-05-01T16:00:00Z'),
      address: null,
      onlineUrl: null,
      capacity: null,
      signupDeadline: null,
    };
    expect(Object.keys(eventShapeIssues(shape)).sort()).toEqual(['address', 'endsAt']);
    expect(newEventTimingIssues(new Date('2020-01-01'), new Date('2030-01-01')).startsAt).toBeDefined();
    expect(newEventTimingIssues(new Date('2031-01-01'), new Date('2030-01-01'))).toEqual({});
  });

  it('makes a map link of the address', () => {
    expect(mapLink('Adelgade 44, Skanderborg')).toBe(
      'https://www.openstreetmap.org/search?query=Adelgade%2044%2C%20Skanderborg',
    );
  });
});

describe('time in Europe/Copenhagen', () => {
  it('converts wall-clock times across the daylight-saving changes', () => {
    expect(copenhagenToUtc('2030-01-15T18:00')?.toISOString()).toBe('2030-01-15T17:00:00.000Z');
    expect(copenhagenToUtc('2030-07-15T18:00')?.toISOString()).toBe('2030-07-15T16:00:00.000Z');
    // Spring forward 2030-03-31 02:00 → 03:00: 02:30 does not exist and moves an hour on.
    expect(copenhagenToUtc('2030-03-31T02:30')?.toISOString()).toBe('2030-03-31T01:30:00.000Z');
    expect(copenhagenToUtc('2030-03-31T03:30')?.toISOString()).toBe('2030-03-31T01:30:00.000Z');
    // Fall back 2030-10-27 03:00 → 02:00: 02:30 happens twice; the first is meant.
    expect(copenhagenToUtc('2030-10-27T02:30')?.toISOString()).toBe('2030-10-27T00:30:00.000Z');
    expect(copenhagenToUtc('2030-10-27T03:30')?.toISOString()).toBe('2030-10-27T02:30:00.000Z');
    expect(copenhagenToUtc('2030-02-30T10:00')).toBeNull();
    expect(copenhagenToUtc('nonsense')).toBeNull();
  });

  it('shows a UTC instant as Copenhagen wall-clock time', () => {
    expect(utcToCopenhagenLocal(new Date('2030-01-15T17:00:00Z'))).toBe('2030-01-15T18:00');
    expect(utcToCopenhagenLocal(new Date('2030-07-15T16:00:00Z'))).toBe('2030-07-15T18:00');
    expect(utcToCopenhagenLocal(new Date('2030-10-27T00:30:00Z'))).toBe('2030-10-27T02:30');
    expect(utcToCopenhagenLocal(new Date('2030-10-27T01:30:00Z'))).toBe('2030-10-27T02:30');
  });
});

describe('list filters and guests', () => {
  it('reads the filters of a shared URL, empty fields as absent', () => {
    const query = eventListQuerySchema.parse({
      from: '',
      type: 'activity',
      language: 'AR',
      stepFree: 'on',
      page: '2',
    });
    expect(query).toMatchObject({
      type: 'activity',
      language: 'ar',
      stepFree: true,
      hearingLoop: false,
      page: 2,
    });
    expect(query.from).toBeUndefined();
    expect(eventListQuerySchema.safeParse({ page: '0' }).success).toBe(false);
    expect(eventListQuerySchema.safeParse({ from: '2030-13-01' }).success).toBe(false);
    expect(eventListQuerySchema.safeParse({ q: 'x'.repeat(201) }).success).toBe(false);
  });

  it('checks a guest: name and email', () => {
    expect(guestSignUpSchema.parse({ name: ' Amal ', email: 'Amal@Example.dk ' })).toEqual({
      name: 'Amal',
      email: 'amal@example.dk',
    });
    expect(guestSignUpSchema.safeParse({ name: '', email: 'nope' }).success).toBe(false);
  });

  it('accepts a partial edit', () => {
    expect(updateEventSchema.parse({ capacity: 10 })).toEqual({ capacity: 10 });
    expect(updateEventSchema.safeParse({ capacity: -1 }).success).toBe(false);
  });
});
