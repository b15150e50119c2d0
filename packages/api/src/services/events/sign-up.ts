import {
  countRegistrations,
  type EventRow,
  findActiveRegistration,
  findUserById,
  insertMemberRegistration,
  lockEvent,
  promoteFromWaitlist,
  setRegistrationStatus,
  waitlistPosition,
} from '@brobygger/db';
import {
  capacityChange,
  registrationStatus,
  type SignUpStatus,
  signUpRefusal,
  signUpRefusalMessages,
} from '@brobygger/domain';
import { dropShortLivedCopies } from '../../cache/event-list-cache.ts';
import { queueEmail } from '../../mail/send.ts';
import { audit } from '../audit.ts';
import { type TransactionContext, transaction, type UseCaseContext } from '../context.ts';
import { conflict, notFound, notSignedIn } from '../errors.ts';
import { eventCalendarAttachment } from '../event-calendar/index.ts';
import { freshGuestLink } from '../event-guests/link.ts';
import { type EventForMail, promotedMessage, signedUpMessage, waitlistedMessage } from './messages.ts';

export const eventForMail = (event: EventRow): EventForMail => ({
  id: event.id,
  title: event.title,
  startsAt: new Date(event.starts_at),
  endsAt: new Date(event.ends_at),
  address: event.address,
  onlineUrl: event.online_url,
});

/**
 * Fills free seats from the waitlist, first come first served, and mails each promoted person.
 * Call it with the event row locked (after a cancellation or a capacity raise).
 */
export async function fillFreeSeats(tx: TransactionContext, event: EventRow): Promise<number> {
  if (event.status !== 'published' || new Date(event.starts_at).getTime() <= Date.now()) return 0;
  const { confirmed, waitlisted } = await countRegistrations(tx.deps.db, event.id);
  const change = capacityChange(event.capacity, confirmed, waitlisted);
  if (!change.ok || change.promote === 0) return 0;
  const promoted = await promoteFromWaitlist(tx.deps.db, event.id, change.promote);
  const { publicUrl } = tx.deps.config;
  for (const person of promoted) {
    const link = person.guest ? await freshGuestLink(tx.deps.db, publicUrl, person.id) : undefined;
    await queueEmail(
      tx.deps,
      promotedMessage(person.email, person.name, eventForMail(event), publicUrl, link),
    );
  }
  if (promoted.length > 0) {
    await audit(tx, {
      action: 'event.waitlist-promoted',
      targetType: 'event',
      targetId: String(event.id),
      details: { registrations: promoted.map((person) => person.id) },
    });
  }
  return promoted.length;
}

export interface SignUpResult {
  status: SignUpStatus;
  position?: number;
  /** False when the member was already signed up (the answer is then the same as the first time). */
  created: boolean;
}

/**
 * Signs the member up: confirmed while seats are free, otherwise on the waitlist. The event row is
 * locked first, so concurrent sign-ups are counted one at a time and there is never a seat more
 * than the capacity. Signing up again answers the same as the first time.
 */
export async function signUpForEvent(ctx: UseCaseContext, eventId: number): Promise<SignUpResult> {
  const userId = ctx.actorId;
  if (!userId) throw notSignedIn();
  const result = await transaction(ctx, async (tx, db): Promise<SignUpResult> => {
    const event = await lockEvent(db, eventId);
    if (!event || event.status === 'draft') throw notFound('Arrangementet findes ikke.');
    const existing = await findActiveRegistration(db, eventId, userId);
    if (existing && (existing.status === 'confirmed' || existing.status === 'waitlisted')) {
      return existing.status === 'confirmed'
        ? { status: 'confirmed', created: false }
        : {
            status: 'waitlisted',
            position: await waitlistPosition(db, eventId, existing.queue_seq),
            created: false,
          };
    }
    const refusal = signUpRefusal(
      {
        status: event.status,
        startsAt: new Date(event.starts_at),
        signupDeadline: event.signup_deadline ? new Date(event.signup_deadline) : null,
      },
      new Date(),
    );
    if (refusal) throw conflict(signUpRefusalMessages[refusal]);
    const { confirmed } = await countRegistrations(db, eventId);
    const status = registrationStatus(event.capacity, confirmed);
    const registration = await insertMemberRegistration(db, { eventId, userId, status });
    const position =
      status === 'waitlisted' ? await waitlistPosition(db, eventId, registration.queue_seq) : undefined;
    const user = await findUserById(db, userId);
    if (user) {
      const mail =
        status === 'confirmed'
          ? signedUpMessage(user.email, user.display_name, eventForMail(event), tx.deps.config.publicUrl)
          : waitlistedMessage(
              user.email,
              user.display_name,
              eventForMail(event),
              position ?? 0,
              tx.deps.config.publicUrl,
            );
      // events-extras: the confirmation carries the event's .ics.
      const ics = status === 'confirmed' ? await eventCalendarAttachment(tx.deps, eventId) : undefined;
      await queueEmail(tx.deps, ics ? { ...mail, attachments: [ics] } : mail);
    }
    await audit(tx, {
      action: 'event.signed-up',
      targetType: 'event',
      targetId: String(eventId),
      details: { registrationId: registration.id, status, ...(position ? { position } : {}) },
    });
    return position === undefined ? { status, created: true } : { status, position, created: true };
  });
  if (result.created) dropShortLivedCopies(ctx.deps);
  return result;
}

/**
 * Cancels the member's own registration. A seat freed goes at once to the first on the waitlist,
 * who is told by email. Only ever the caller's own registration: there is no id to aim elsewhere.
 */
export async function cancelMyRegistration(
  ctx: UseCaseContext,
  eventId: number,
): Promise<{ promoted: number }> {
  const userId = ctx.actorId;
  if (!userId) throw notSignedIn();
  const result = await transaction(ctx, async (tx, db) => {
    const event = await lockEvent(db, eventId);
    if (!event || event.status === 'draft') throw notFound('Arrangementet findes ikke.');
    const mine = await findActiveRegistration(db, eventId, userId);
    if (!mine) throw notFound('Du er ikke tilmeldt dette arrangement.');
    await setRegistrationStatus(db, mine.id, 'cancelled');
    const promoted = await fillFreeSeats(tx, event);
    await audit(tx, {
      action: 'event.registration-cancelled',
      targetType: 'event',
      targetId: String(eventId),
      details: { registrationId: mine.id, was: mine.status },
    });
    return { promoted };
  });
  dropShortLivedCopies(ctx.deps);
  return result;
}
