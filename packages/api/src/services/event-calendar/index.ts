// Calendar files and feeds of events (issue 9): one event's `.ics`, the public feed of published
// events, and each person's secret feed of what they signed up for (only its hash is stored).
import { hashSecret, randomBase32 } from '@brobygger/auth';
import {
  type CalendarEventRow,
  type Database,
  type EmailAttachment,
  findActiveCalendarFeed,
  findCalendarEvent,
  findCalendarFeedOwner,
  insertCalendarFeed,
  listPublicCalendarEvents,
  listUserCalendarEvents,
  revokeCalendarFeeds,
} from '@brobygger/db';
import type { Kysely } from 'kysely';
import { type CalendarEntry, calendarFileName, renderCalendar } from '../../calendar/ics.ts';
import type { ApiConfig } from '../../context.ts';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { notFound, notSignedIn } from '../errors.ts';

/** Feeds show events that ended at most this long ago, and at most this many. */
const feedHistoryMs = 31 * 24 * 60 * 60 * 1000;
const feedLimit = 1000;
/** Calendars are asked to fetch a feed again after this long. */
const feedRefreshSeconds = 60 * 60;

/** The personal feed's secret: 160 bits, lower-case base32, in the URL. */
const feedTokenPattern = /^[a-z2-7]{32}$/;
export const calendarFeedTokenPattern = feedTokenPattern;

export function uidHost(config: ApiConfig): string {
  return new URL(config.publicUrl).hostname;
}

export function eventPageUrl(config: ApiConfig, eventId: number): string {
  return new URL(`/arrangementer/${eventId}`, config.publicUrl).toString();
}

/** An event row as a calendar entry. */
export function calendarEntry(
  config: ApiConfig,
  event: CalendarEventRow,
  options: { tentative?: boolean } = {},
): CalendarEntry {
  return {
    id: event.id,
    title: options.tentative ? `(Venteliste) ${event.title}` : event.title,
    description: event.description,
    start: event.starts_at,
    end: event.ends_at,
    address: event.address,
    onlineUrl: event.online_url,
    url: eventPageUrl(config, event.id),
    cancelled: event.status === 'cancelled',
    updatedAt: event.updated_at,
    // Grows with every change (a calendar takes the higher SEQUENCE as the newer version).
    sequence: Math.floor(event.updated_at.getTime() / 1000) - 1_700_000_000,
  };
}

const calendarName = (config: ApiConfig, suffix: string) => `Brobygger – ${suffix} (${uidHost(config)})`;

/** One event's `.ics`: published or cancelled after publishing; drafts are not found. */
export async function eventCalendarFile(ctx: UseCaseContext, eventId: number): Promise<string> {
  const event = await findCalendarEvent(ctx.deps.db, eventId);
  if (!event || event.status === 'draft' || (event.status === 'cancelled' && !event.published_at)) {
    throw notFound('Arrangementet findes ikke.');
  }
  return renderCalendar([calendarEntry(ctx.deps.config, event)], {
    name: event.title,
    uidHost: uidHost(ctx.deps.config),
  });
}

/** The public feed of all published events. */
export async function publicEventsFeed(ctx: UseCaseContext, now = new Date()): Promise<string> {
  const events = await listPublicCalendarEvents(
    ctx.deps.db,
    new Date(now.getTime() - feedHistoryMs),
    feedLimit,
  );
  return renderCalendar(
    events.map((event) => calendarEntry(ctx.deps.config, event)),
    {
      name: calendarName(ctx.deps.config, 'arrangementer'),
      uidHost: uidHost(ctx.deps.config),
      refreshSeconds: feedRefreshSeconds,
      now,
    },
  );
}

/** A person's feed, found by the secret in its URL; a wrong or revoked secret is not found. */
export async function personalEventsFeed(
  ctx: UseCaseContext,
  token: string,
  now = new Date(),
): Promise<string> {
  if (!feedTokenPattern.test(token)) throw notFound('Kalenderen findes ikke.');
  const userId = await findCalendarFeedOwner(ctx.deps.db, hashSecret(token));
  if (!userId) throw notFound('Kalenderen findes ikke.');
  const events = await listUserCalendarEvents(
    ctx.deps.db,
    userId,
    new Date(now.getTime() - feedHistoryMs),
    feedLimit,
  );
  return renderCalendar(
    events.map((event) =>
      calendarEntry(ctx.deps.config, event, { tentative: event.registration_status === 'waitlisted' }),
    ),
    {
      name: calendarName(ctx.deps.config, 'mine arrangementer'),
      uidHost: uidHost(ctx.deps.config),
      refreshSeconds: feedRefreshSeconds,
      now,
    },
  );
}

export function calendarFeedUrl(config: ApiConfig, token: string): string {
  return new URL(`/api/calendar/feeds/${token}/calendar.ics`, config.publicUrl).toString();
}

/** Whether the signed-in user has a live feed (its URL cannot be shown again: only its hash is kept). */
export async function getMyCalendarFeed(
  ctx: UseCaseContext,
): Promise<{ active: boolean; createdAt: Date | null }> {
  if (!ctx.actorId) throw notSignedIn();
  const feed = await findActiveCalendarFeed(ctx.deps.db, ctx.actorId);
  return { active: Boolean(feed), createdAt: feed?.created_at ?? null };
}

/** A new feed URL for the signed-in user; any earlier one stops working. The URL is shown once. */
export async function createMyCalendarFeed(ctx: UseCaseContext): Promise<{ url: string; createdAt: Date }> {
  const userId = ctx.actorId;
  if (!userId) throw notSignedIn();
  const token = randomBase32(20);
  return transaction(ctx, async (tx, db) => {
    const now = new Date();
    const replaced = await revokeCalendarFeeds(db, userId, now);
    const feed = await insertCalendarFeed(db, userId, hashSecret(token), now);
    await audit(tx, {
      action: 'calendar-feed.created',
      targetType: 'user',
      targetId: userId,
      details: { replaced },
    });
    return { url: calendarFeedUrl(ctx.deps.config, token), createdAt: feed.created_at };
  });
}

/** Ends the signed-in user's feed URL (harmless when there is none). */
export async function revokeMyCalendarFeed(ctx: UseCaseContext): Promise<{ revoked: number }> {
  const userId = ctx.actorId;
  if (!userId) throw notSignedIn();
  return transaction(ctx, async (tx, db) => {
    const revoked = await revokeCalendarFeeds(db, userId, new Date());
    if (revoked > 0) {
      await audit(tx, { action: 'calendar-feed.revoked', targetType: 'user', targetId: userId });
    }
    return { revoked };
  });
}

/**
 * An event's `.ics` as a mail attachment (the sign-up confirmation carries it), read fresh from
 * the database; undefined for an event that is not there.
 */
export async function eventCalendarAttachment(
  deps: { db: Kysely<Database>; config: ApiConfig },
  eventId: number,
): Promise<EmailAttachment | undefined> {
  const event = await findCalendarEvent(deps.db, eventId);
  if (!event) return undefined;
  return {
    filename: calendarFileName(event.id),
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: renderCalendar([calendarEntry(deps.config, event)], {
      name: event.title,
      uidHost: uidHost(deps.config),
    }),
  };
}
