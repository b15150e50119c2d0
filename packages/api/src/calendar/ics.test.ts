// The files are made with ical-generator and read back here with another library (ical.js),
// so the test checks what a calendar would see, not what our generator meant.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFileName, eventUid, renderCalendar } from './ics.ts';

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

const base = {
  id: 42,
  title: 'Koordineringsmøde for frivillige',
  description: 'Vi taler om sommerens aktiviteter.',
  start: new Date('2026-11-10T18:00:00Z'),
  end: new Date('2026-11-10T20:00:00Z'),
  address: 'Adelgade 44, 8660 Skanderborg',
  url: 'https://brobygger.example/arrangementer/42',
  cancelled: false,
};
const options = { name: 'Brobygger – arrangementer', uidHost: 'brobygger.example' };

describe('renderCalendar', () => {
  it('writes UID, DTSTART/DTEND in UTC, SUMMARY, LOCATION, URL and STATUS', () => {
    const text = renderCalendar([base], options);
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(String(calendar.getFirstPropertyValue('prodid'))).toContain('Brobygger');
    expect(events).toHaveLength(1);
    const event = new ICAL.Event(events[0]);
    expect(event.uid).toBe('event-42@brobygger.example');
    expect(event.uid).toBe(eventUid(42, 'brobygger.example'));
    expect(event.summary).toBe(base.title);
    expect(event.location).toBe(base.address);
    expect(event.description).toBe(base.description);
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-10T18:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-10T20:00:00.000Z');
    expect(events[0]?.getFirstPropertyValue('url')).toBe(base.url);
    expect(events[0]?.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(events[0]?.getFirstPropertyValue('dtstamp')).toBeTruthy();
    // The raw lines, as RFC 5545 writes a UTC time.
    expect(text).toContain('DTSTART:20261110T180000Z\r\n');
    expect(text).toContain('DTEND:20261110T200000Z\r\n');
  });

  it('marks a cancelled event STATUS:CANCELLED and keeps its UID so calendars remove it', () => {
    const { events } = parse(renderCalendar([{ ...base, cancelled: true, sequence: 3 }], options));
    expect(events[0]?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(new ICAL.Event(events[0]).uid).toBe('event-42@brobygger.example');
    expect(new ICAL.Event(events[0]).sequence).toBe(3);
  });

  it('escapes commas, semicolons, backslashes and newlines, and folds long lines', () => {
    const title = 'Dialog; spørgsmål, svar og \\ tegn\nanden linje';
    const description = `${'Lang tekst med æøå '.repeat(20)}\nslut; med, tegn`;
    const text = renderCalendar(
      [{ ...base, title, description, address: 'Vestergade 1, 2. sal; bagdøren' }],
      options,
    );
    expect(text).toContain('SUMMARY:Dialog\\; spørgsmål\\, svar og \\\\ tegn\\nanden linje');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const event = new ICAL.Event(parse(text).events[0]);
    expect(event.summary).toBe(title);
    expect(event.description).toBe(description);
    expect(event.location).toBe('Vestergade 1, 2. sal; bagdøren');
  });

  it('puts an online link in the description, and in LOCATION when there is no address', () => {
    const online = 'https://meet.example/abc?x=1,2';
    const both = new ICAL.Event(parse(renderCalendar([{ ...base, onlineUrl: online }], options)).events[0]);
    expect(both.location).toBe(base.address);
    expect(both.description).toBe(`${base.description}\n\nOnline: ${online}`);
    const onlineOnly = new ICAL.Event(
      parse(renderCalendar([{ ...base, address: null, onlineUrl: online, description: null }], options))
        .events[0],
    );
    expect(onlineOnly.location).toBe(online);
    expect(onlineOnly.description).toBe(`Online: ${online}`);
  });

  it('writes a feed of many events with distinct UIDs, and an empty feed that is still valid', () => {
    const entries = [1, 2, 3].map((id) => ({
      ...base,
      id,
      start: new Date(Date.UTC(2027, 2, 20 + id * 3, 17)),
      end: new Date(Date.UTC(2027, 2, 20 + id * 3, 19)),
    }));
    const { calendar, events } = parse(renderCalendar(entries, { ...options, refreshSeconds: 3600 }));
    expect(events.map((e) => new ICAL.Event(e).uid)).toEqual(
      [1, 2, 3].map((id) => eventUid(id, options.uidHost)),
    );
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(options.name);
    expect(
      String(
        calendar.getFirstPropertyValue('refresh-interval') ??
          calendar.getFirstPropertyValue('x-published-ttl'),
      ),
    ).toMatch(/PT1H|3600/);
    const empty = parse(renderCalendar([], options));
    expect(empty.events).toHaveLength(0);
    expect(empty.calendar.name).toBe('vcalendar');
  });

  it('keeps the local time across DST: 19:00 in Copenhagen in winter and summer', () => {
    const winter = {
      ...base,
      id: 1,
      start: new Date('2027-03-23T18:00:00Z'),
      end: new Date('2027-03-23T20:00:00Z'),
    };
    const summer = {
      ...base,
      id: 2,
      start: new Date('2027-03-30T17:00:00Z'),
      end: new Date('2027-03-30T19:00:00Z'),
    };
    const { events } = parse(renderCalendar([winter, summer], options));
    const hours = events.map((e) =>
      new Intl.DateTimeFormat('da-DK', {
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Europe/Copenhagen',
      }).format(new ICAL.Event(e).startDate.toJSDate()),
    );
    expect(hours).toEqual(['19.00', '19.00']);
  });
});

describe('calendarFileName', () => {
  it('keeps only safe characters', () => {
    expect(calendarFileName(42)).toBe('arrangement-42.ics');
    expect(calendarFileName('4"2/../x')).toBe('arrangement-42x.ics');
  });
});
