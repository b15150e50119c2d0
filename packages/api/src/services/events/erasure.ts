import {
  activeRegistrationEventIds,
  deleteRegistrationsOf,
  findActiveRegistration,
  keepAttendanceAsCount,
  listAllRegistrationsOf,
  lockEvent,
  setRegistrationStatus,
  unlinkOrganiser,
} from '@brobygger/db';
import { dropShortLivedCopies } from '../../cache/event-list-cache.ts';
import type { TransactionContext, UseCaseContext } from '../context.ts';
import { fillFreeSeats } from './sign-up.ts';

/**
 * An account is deleted: its seats are given up first (the waitlist moves up and is told, as for
 * any cancellation), then its registrations and calendar feed tokens are deleted. Events keep the
 * organiser's name as written, without the link to the account. Events are locked in id order.
 */
export async function eraseEventData(tx: TransactionContext, userId: string): Promise<void> {
  const db = tx.deps.db;
  for (const eventId of await activeRegistrationEventIds(db, userId)) {
    const event = await lockEvent(db, eventId);
    const mine = await findActiveRegistration(db, eventId, userId);
    if (!event || !mine) continue;
    await setRegistrationStatus(db, mine.id, 'cancelled');
    await fillFreeSeats(tx, event);
  }
  // Associations and volunteers (issue 10): attendance stays, only as a count per event.
  await keepAttendanceAsCount(db, userId);
  await deleteRegistrationsOf(db, userId);
  await unlinkOrganiser(db, userId);
  dropShortLivedCopies(tx.deps);
}

/** The member's sign-ups, for the export of their data. */
export async function exportEventData(ctx: UseCaseContext, userId: string) {
  const rows = await listAllRegistrationsOf(ctx.deps.db, userId);
  const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);
  return rows.map((row) => ({
    event: { id: row.event_id, title: row.title, startsAt: iso(row.starts_at) },
    status: row.status,
    signedUpAt: iso(row.created_at),
    confirmedAt: iso(row.confirmed_at),
    cancelledAt: iso(row.cancelled_at),
    attendedAt: iso(row.attended_at),
    checkInCode: row.check_in_code,
  }));
}
