/**
 * iCalendar (RFC 5545) files for events: one event's `.ics`, the public feed of published events
 * and a person's feed of what they signed up for. Made with ical-generator; times are written
 * in UTC (`DTSTART:20261110T180000Z`), which every calendar shows in its own zone, so no
 * VTIMEZONE is needed. The UID is stable per event and host, so a calendar updates an event it
 * already has instead of adding a copy; SEQUENCE grows with each change of a published event.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface CalendarEntry {
  id: number | string;
  title: string;
  /** Plain text (the event's Markdown source is readable as it is). */
  description?: string | null;
  start: Date;
  end: Date;
  /** A street address, as text. */
  address?: string | null;
  /** A link to join online. */
  onlineUrl?: string | null;
  /** The event's page on the portal. */
  url: string;
  cancelled: boolean;
  /** Last change; DTSTAMP and LAST-MODIFIED. */
  updatedAt?: Date;
  /** Grows with each change of time, place or status (RFC 5545 3.8.7.4). */
  sequence?: number;
  organizer?: { name: string; email: string } | null;
}

export interface CalendarOptions {
  /** The calendar's name (X-WR-CALNAME), e.g. "Brobygger – arrangementer". */
  name: string;
  /** The host part of each UID, e.g. "brobygger.skanderborg.dk". */
  uidHost: string;
  /** PUBLISH for files and feeds (default); REQUEST is not used (we send no invitations). */
  method?: 'PUBLISH';
  /** How often a feed should be fetched again, in seconds (REFRESH-INTERVAL / X-PUBLISHED-TTL). */
  refreshSeconds?: number;
  now?: Date;
}

export const calendarContentType = 'text/calendar; charset=utf-8';

/** The UID of an event: the same in its own file, in every feed and in every mail. */
export function eventUid(id: number | string, uidHost: string): string {
  return `event-${id}@${uidHost}`;
}

export function renderCalendar(entries: readonly CalendarEntry[], options: CalendarOptions): string {
  const now = options.now ?? new Date();
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Skanderborg Kommune', product: 'Brobygger', language: 'DA' },
    method: ICalCalendarMethod.PUBLISH,
    ...(options.refreshSeconds ? { ttl: options.refreshSeconds } : {}),
  });
  for (const entry of entries) {
    const description = [entry.description?.trim(), entry.onlineUrl ? `Online: ${entry.onlineUrl}` : null]
      .filter((part): part is string => Boolean(part))
      .join('\n\n');
    const location = entry.address?.trim() || entry.onlineUrl || null;
    calendar.createEvent({
      id: eventUid(entry.id, options.uidHost),
      summary: entry.title,
      description: description || null,
      start: entry.start,
      end: entry.end,
      location,
      url: entry.url,
      status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: entry.sequence ?? 0,
      stamp: entry.updatedAt ?? now,
      ...(entry.updatedAt ? { lastModified: entry.updatedAt } : {}),
      ...(entry.organizer ? { organizer: entry.organizer } : {}),
    });
  }
  return calendar.toString();
}

/** A file name for an event's `.ics` download: ASCII, no quotes or path characters. */
export function calendarFileName(id: number | string): string {
  return `arrangement-${String(id).replace(/[^A-Za-z0-9-]/g, '')}.ics`;
}
