// Guest sign-up (issue 9): someone without an account asks for a place with a name and an email
// address; an emailed link (single secret, only its SHA-256 stored) confirms it — a guest counts
// only once confirmed, and an unconfirmed hold expires — and the same link shows the registration
// (with the check-in code) and lets the guest cancel. Every change of seats happens under the
// event's row lock, like the members' sign-up, so the seat count stays exact.
import {
  hashSecret,
  randomBase32,
  registrationEmailThrottle,
  registrationIpThrottle,
  reserveAttempt,
} from '@brobygger/auth';
import {
  confirmGuestHold,
  countRegistrations,
  findActiveGuestRegistration,
  findGuestRegistration,
  insertGuestHold,
  lockEvent,
  replaceGuestToken,
  setRegistrationStatus,
  waitlistPosition,
} from '@brobygger/db';
import {
  formatCheckInCode,
  type GuestSignUpInput,
  generateCheckInCode,
  registrationStatus,
  signUpClosesAt,
  signUpRefusal,
  signUpRefusalMessages,
} from '@brobygger/domain';
import { checkInUrl, qrCodeSvg } from '../../calendar/qr.ts';
import { guestConfirmedMessage, guestConfirmMessage } from '../../mail/event-messages.ts';
import { queueEmail } from '../../mail/send.ts';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { conflict, invalidToken, notFound, tooManyAttempts } from '../errors.ts';
import { eventCalendarAttachment, eventPageUrl } from '../event-calendar/index.ts';
import { fillFreeSeats } from '../events/sign-up.ts';
import { guestLink } from './link.ts';

/** How long an unconfirmed guest hold lives (never past the sign-up deadline). */
export const guestHoldLifetimeMs = 24 * 60 * 60 * 1000;
export const guestTokenPattern = /^[a-z2-7]{32}$/;

export { guestLink } from './link.ts';

const mailFacts = (
  publicUrl: string,
  event: {
    id: number;
    title: string;
    starts_at: Date;
    ends_at: Date;
    address: string | null;
    online_url: string | null;
  },
) => ({
  title: event.title,
  startsAt: new Date(event.starts_at),
  endsAt: new Date(event.ends_at),
  address: event.address,
  onlineUrl: event.online_url,
  pageUrl: new URL(`/arrangementer/${event.id}`, publicUrl).toString(),
});

/**
 * A guest asks for a place. Always answers the same ("check your mail"), whether or not the
 * address is already signed up, so the answer tells nobody who is coming; the mail says what
 * happened. An address already holding a place gets a fresh link to it (the old link stops).
 */
export async function requestGuestSignUp(
  ctx: UseCaseContext,
  eventId: number,
  input: GuestSignUpInput,
  now = new Date(),
): Promise<{ status: 'pending' }> {
  // Each request mails someone: at most 3 an hour to one address (then a growing wait), and 50 an
  // hour from one IP — the limits of account registration, counted separately.
  const wait = await reserveAttempt(ctx.deps.db, [
    { key: `guest:${input.email}`, policy: registrationEmailThrottle },
    ...(ctx.meta.ip ? [{ key: `guest-ip:${ctx.meta.ip}`, policy: registrationIpThrottle }] : []),
  ]);
  if (wait > 0) throw tooManyAttempts(wait);
  const token = randomBase32(20);
  const tokenHash = hashSecret(token);
  const link = guestLink(ctx.deps.config.publicUrl, token);
  await transaction(ctx, async (tx, db) => {
    const event = await lockEvent(db, eventId);
    if (!event || event.status === 'draft') throw notFound('Arrangementet findes ikke.');
    const timing = {
      status: event.status,
      startsAt: new Date(event.starts_at),
      signupDeadline: event.signup_deadline ? new Date(event.signup_deadline) : null,
    };
    const refusal = signUpRefusal(timing, now);
    const existing = await findActiveGuestRegistration(db, eventId, input.email);
    if (refusal && !existing) throw conflict(signUpRefusalMessages[refusal]);
    const expiresAt = new Date(
      Math.min(now.getTime() + guestHoldLifetimeMs, signUpClosesAt(timing).getTime()),
    );
    const facts = mailFacts(ctx.deps.config.publicUrl, event);
    if (existing) {
      const pending = existing.status === 'pending_guest';
      await replaceGuestToken(db, existing.id, tokenHash, pending ? expiresAt : null);
      await queueEmail(
        tx.deps,
        pending
          ? guestConfirmMessage(input.email, input.name, facts, link, expiresAt)
          : guestConfirmedMessage(
              input.email,
              input.name,
              facts,
              existing.status as 'confirmed' | 'waitlisted',
              link,
            ),
      );
      await audit(tx, {
        action: 'event.guest-link-resent',
        targetType: 'event',
        targetId: String(eventId),
        details: { registrationId: existing.id },
      });
      return;
    }
    const id = await insertGuestHold(db, {
      eventId,
      name: input.name,
      email: input.email,
      tokenHash,
      expiresAt,
    });
    await queueEmail(tx.deps, guestConfirmMessage(input.email, input.name, facts, link, expiresAt));
    await audit(tx, {
      action: 'event.guest-requested',
      targetType: 'event',
      targetId: String(eventId),
      details: { registrationId: id },
    });
  });
  return { status: 'pending' };
}

async function registrationByToken(ctx: UseCaseContext, token: string, now: Date) {
  if (!guestTokenPattern.test(token)) throw invalidToken();
  const registration = await findGuestRegistration(ctx.deps.db, hashSecret(token));
  if (!registration) throw invalidToken();
  if (
    registration.status === 'pending_guest' &&
    (!registration.guest_expires_at || new Date(registration.guest_expires_at).getTime() <= now.getTime())
  ) {
    throw invalidToken();
  }
  return registration;
}

export interface GuestRegistrationView {
  status: 'pending' | 'confirmed' | 'waitlisted' | 'cancelled';
  position: number | null;
  name: string;
  expiresAt: Date | null;
  checkInCode: string | null;
  /** Inline SVG of the check-in QR code (confirmed only). */
  checkInQrSvg: string | null;
  event: {
    id: number;
    title: string;
    startsAt: Date;
    endsAt: Date;
    address: string | null;
    onlineUrl: string | null;
    status: string;
    url: string;
  };
}

/** What the guest link shows. A forged link, or an unconfirmed one that expired, is a 400. */
export async function getGuestRegistration(
  ctx: UseCaseContext,
  token: string,
  now = new Date(),
): Promise<GuestRegistrationView> {
  const r = await registrationByToken(ctx, token, now);
  const position =
    r.status === 'waitlisted' ? await waitlistPosition(ctx.deps.db, r.event_id, r.queue_seq) : null;
  const code = r.status === 'confirmed' && r.check_in_code ? formatCheckInCode(r.check_in_code) : null;
  return {
    status: r.status === 'pending_guest' ? 'pending' : r.status,
    position,
    name: r.guest_name ?? '',
    expiresAt: r.status === 'pending_guest' && r.guest_expires_at ? new Date(r.guest_expires_at) : null,
    checkInCode: code,
    checkInQrSvg:
      code && r.check_in_code
        ? await qrCodeSvg(
            checkInUrl(ctx.deps.config.publicUrl, r.event_id, r.check_in_code),
            `QR-kode til indtjekning, kode ${code}`,
          )
        : null,
    event: {
      id: r.event_id,
      title: r.title,
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
      address: r.address,
      onlineUrl: r.online_url,
      status: r.event_status,
      url: eventPageUrl(ctx.deps.config, r.event_id),
    },
  };
}

/**
 * Confirms a pending hold: a seat if one is free, else the waitlist (queued from now). Confirming
 * again answers the same. Refused when sign-up has closed or the event is off.
 */
export async function confirmGuestSignUp(
  ctx: UseCaseContext,
  token: string,
  now = new Date(),
): Promise<{ status: 'confirmed' | 'waitlisted'; position?: number }> {
  const first = await registrationByToken(ctx, token, now);
  return transaction(ctx, async (tx, db) => {
    const event = await lockEvent(db, first.event_id);
    if (!event) throw invalidToken();
    // Read again under the lock: another request may have confirmed or cancelled it meanwhile.
    const r = await findGuestRegistration(db, hashSecret(token));
    if (!r) throw invalidToken();
    if (r.status === 'confirmed') return { status: 'confirmed' };
    if (r.status === 'waitlisted') {
      return { status: 'waitlisted', position: await waitlistPosition(db, r.event_id, r.queue_seq) };
    }
    if (r.status === 'cancelled') throw conflict('Tilmeldingen er annulleret.');
    if (!r.guest_expires_at || new Date(r.guest_expires_at).getTime() <= now.getTime()) throw invalidToken();
    const refusal = signUpRefusal(
      {
        status: event.status,
        startsAt: new Date(event.starts_at),
        signupDeadline: event.signup_deadline ? new Date(event.signup_deadline) : null,
      },
      now,
    );
    if (refusal) throw conflict(signUpRefusalMessages[refusal]);
    const { confirmed } = await countRegistrations(db, event.id);
    const status = registrationStatus(event.capacity, confirmed);
    const updated = await confirmGuestHold(db, r.id, status, generateCheckInCode(), now);
    if (!updated) throw invalidToken();
    const position =
      status === 'waitlisted' ? await waitlistPosition(db, event.id, updated.queue_seq) : undefined;
    const attachment = await eventCalendarAttachment(tx.deps, event.id);
    await queueEmail(tx.deps, {
      ...guestConfirmedMessage(
        r.guest_email ?? '',
        r.guest_name ?? '',
        mailFacts(ctx.deps.config.publicUrl, event),
        status,
        guestLink(ctx.deps.config.publicUrl, token),
        position,
      ),
      ...(attachment ? { attachments: [attachment] } : {}),
    });
    await audit(tx, {
      action: 'event.guest-confirmed',
      targetType: 'event',
      targetId: String(event.id),
      details: { registrationId: r.id, status, ...(position ? { position } : {}) },
    });
    return position === undefined ? { status } : { status, position };
  });
}

/** The guest cancels with their link; a freed seat goes to the first on the waitlist at once. */
export async function cancelGuestSignUp(
  ctx: UseCaseContext,
  token: string,
  now = new Date(),
): Promise<{ promoted: number }> {
  const first = await registrationByToken(ctx, token, now);
  return transaction(ctx, async (tx, db) => {
    const event = await lockEvent(db, first.event_id);
    if (!event) throw invalidToken();
    const r = await findGuestRegistration(db, hashSecret(token));
    if (!r) throw invalidToken();
    if (r.status === 'cancelled') return { promoted: 0 };
    await setRegistrationStatus(db, r.id, 'cancelled');
    const promoted = r.status === 'confirmed' ? await fillFreeSeats(tx, event) : 0;
    await audit(tx, {
      action: 'event.guest-cancelled',
      targetType: 'event',
      targetId: String(event.id),
      details: { registrationId: r.id, was: r.status },
    });
    return { promoted };
  });
}
