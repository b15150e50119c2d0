// Reminders before an event (issue 9). One job per registration (`events.reminder`), sent once
// even with several processes: its key is unique per registration and start time, and the
// handler re-reads the registration and marks `reminded_at` in the same transaction as the mail,
// only if it was not set — so a second run, or a second worker, sends nothing.
//
// What puts the jobs there:
// - `events.reminders-for-event` {eventId}, scheduled for when the event's reminders are due
//   (at publishing, and again whenever the time changes: `scheduleEventReminders`). It enqueues one
//   reminder per confirmed registration; if it finds the event moved later it reschedules itself.
// - `events.reminders-sweep`, recurring every 10 minutes: the safety net that finds every due,
//   unsent reminder (a registration promoted from the waitlist or a guest confirmed after the
//   event's job ran, an event whose job was never scheduled).
import {
  type Database,
  deleteExpiredGuestHolds,
  enqueueEmail,
  enqueueJob,
  findEventReminderTiming,
  findReminder,
  forgetFinishedGuests,
  listDueReminders,
  markReminded,
} from '@brobygger/db';
import { formatCheckInCode } from '@brobygger/domain';
import type { JobDefinition, RecurringJob } from '@brobygger/jobs';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { eventReminderMessage } from '../mail/event-messages.ts';
import { freshGuestLink } from '../services/event-guests/link.ts';

export const reminderJobType = 'events.reminder';
export const eventRemindersJobType = 'events.reminders-for-event';
export const reminderSweepJobType = 'events.reminders-sweep';
export const guestHoldsExpireJobType = 'events.guest-holds-expire';
/** How long a guest's name and address are kept after their event ended or they cancelled. */
export const guestRetentionMs = 30 * 24 * 3_600_000;
export const reminderSweepEveryMs = 10 * 60_000;
const sweepBatch = 500;

const reminderKey = (registrationId: number, startsAt: Date) =>
  `${reminderJobType}:${registrationId}:${startsAt.toISOString()}`;

async function enqueueReminders(db: Kysely<Database>, due: { id: number; starts_at: Date }[]) {
  for (const registration of due) {
    await enqueueJob(db, {
      type: reminderJobType,
      payload: { registrationId: registration.id },
      key: reminderKey(registration.id, registration.starts_at),
    });
  }
}

/**
 * Schedules the job that sends an event's reminders when they fall due (call it in the
 * transaction that publishes the event or changes its time). Harmless to call twice: the key
 * holds the due time. Nothing is scheduled for reminders that are off or already past due (the
 * sweep sends those still before the start).
 */
export async function scheduleEventReminders(db: Kysely<Database>, eventId: number, now = new Date()) {
  const timing = await findEventReminderTiming(db, eventId);
  if (timing?.status !== 'published' || !timing.due_at) return;
  if (timing.due_at.getTime() <= now.getTime()) return;
  await enqueueJob(db, {
    type: eventRemindersJobType,
    payload: { eventId },
    runAt: timing.due_at,
    key: `${eventRemindersJobType}:${eventId}:${timing.due_at.toISOString()}`,
  });
}

export function eventReminderJobs(publicUrl: string) {
  const reminder: JobDefinition<{ registrationId: number }> = {
    type: reminderJobType,
    payload: z.object({ registrationId: z.number().int().positive() }),
    async handler({ registrationId }, { db, now, logger }) {
      const row = await findReminder(db, registrationId);
      // Gone, cancelled, waitlisted, a pending guest, already reminded, or the event is not on.
      if (row?.status !== 'confirmed' || row.reminded_at || row.event_status !== 'published') return;
      if (row.reminder_hours <= 0) return;
      const dueAt = row.starts_at.getTime() - row.reminder_hours * 3_600_000;
      // The event moved later after this job was made: its own job comes at the new time.
      if (now.getTime() < dueAt) return;
      // Too late to remind of something that has begun.
      if (now.getTime() >= row.starts_at.getTime()) return;
      const to = row.user_email ?? row.guest_email;
      const name = row.user_name ?? row.guest_name ?? '';
      if (!to) return;
      const pageUrl = new URL(`/arrangementer/${row.event_id}`, publicUrl).toString();
      const sent = await db.transaction().execute(async (trx) => {
        if (!(await markReminded(trx, registrationId, now))) return false;
        // Members cancel on their page; a guest gets a fresh link of their own (the earlier one
        // cannot be sent again: only its hash is kept).
        const cancelUrl = row.user_email
          ? new URL('/min-side', publicUrl).toString()
          : await freshGuestLink(trx, publicUrl, registrationId);
        await enqueueEmail(
          trx,
          eventReminderMessage(
            to,
            name,
            {
              title: row.title,
              startsAt: row.starts_at,
              endsAt: row.ends_at,
              address: row.address,
              onlineUrl: row.online_url,
              pageUrl,
            },
            {
              checkInCode: row.check_in_code ? formatCheckInCode(row.check_in_code) : null,
              cancelUrl,
            },
          ),
        );
        return true;
      });
      if (sent) logger.info({ registrationId, eventId: row.event_id }, 'event reminder queued');
    },
  };

  const forEvent: JobDefinition<{ eventId: number }> = {
    type: eventRemindersJobType,
    payload: z.object({ eventId: z.number().int().positive() }),
    async handler({ eventId }, { db, now }) {
      const timing = await findEventReminderTiming(db, eventId);
      if (timing?.status !== 'published' || !timing.due_at) return;
      if (now.getTime() < timing.due_at.getTime()) {
        // The event moved later: come back when its reminders are due.
        await scheduleEventReminders(db, eventId, now);
        return;
      }
      await db.transaction().execute(async (trx) => {
        await enqueueReminders(trx, await listDueReminders(trx, now, { limit: 100_000, eventId }));
      });
    },
  };

  const sweep: JobDefinition = {
    type: reminderSweepJobType,
    async handler(_payload, { db, now }) {
      await db.transaction().execute(async (trx) => {
        await enqueueReminders(trx, await listDueReminders(trx, now, { limit: sweepBatch }));
      });
    },
  };

  // Guests: unconfirmed holds whose time ran out are deleted (they never held a seat), and a
  // guest's name and address are forgotten `guestRetentionMs` after their event ended or they
  // cancelled (the registration stays, anonymous, so the event's counts stay true).
  const expireGuestHolds: JobDefinition = {
    type: guestHoldsExpireJobType,
    async handler(_payload, { db, now, logger }) {
      const deleted = await deleteExpiredGuestHolds(db, now);
      if (deleted > 0) logger.info({ deleted }, 'expired guest holds removed');
      const forgotten = await forgetFinishedGuests(db, new Date(now.getTime() - guestRetentionMs));
      if (forgotten > 0) logger.info({ forgotten }, 'finished guest registrations made anonymous');
    },
  };

  const recurring: RecurringJob[] = [
    { type: reminderSweepJobType, everyMs: reminderSweepEveryMs },
    { type: guestHoldsExpireJobType, everyMs: reminderSweepEveryMs, offsetMs: 5 * 60_000 },
  ];
  return { jobs: [reminder, forEvent, sweep, expireGuestHolds], recurring };
}
