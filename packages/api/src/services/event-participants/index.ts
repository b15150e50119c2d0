// On the day (issue 9): staff see an event's participants, export them as CSV for Danish Excel,
// mark attendance, and check people in by the code (or QR code) on their confirmation page.
import {
  ensureCheckInCode,
  findActiveRegistration,
  findByCheckInCode,
  findEvent,
  listParticipants,
  type ParticipantRow,
  setAttendance,
} from '@brobygger/db';
import { formatCheckInCode, generateCheckInCode } from '@brobygger/domain';
import { checkInUrl, qrCodeSvg } from '../../calendar/qr.ts';
import { requirePermission } from '../associations/actor.ts';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { conflict, notFound, notSignedIn } from '../errors.ts';

async function eventOrNotFound(ctx: UseCaseContext, eventId: number) {
  const event = await findEvent(ctx.deps.db, eventId);
  if (!event) throw notFound('Arrangementet findes ikke.');
  // Associations (issue 10): staff see every list; an association's members and admins only the
  // lists of their own association's activities (0: an event no association organises).
  await requirePermission(ctx, 'event:participants', { associationId: event.association_id ?? 0 });
  return event;
}

export async function listEventParticipants(ctx: UseCaseContext, eventId: number) {
  const event = await eventOrNotFound(ctx, eventId);
  const participants = await listParticipants(ctx.deps.db, eventId);
  return { event, participants };
}

const csvColumns = [
  'Navn',
  'E-mail',
  'Type',
  'Status',
  'Plads på venteliste',
  'Kode',
  'Mødt',
  'Tilmeldt',
] as const;

/** One CSV cell: quoted when needed, and a leading = + - @ defused so Excel runs no formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const copenhagen = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  dateStyle: 'short',
  timeStyle: 'short',
});

/**
 * The participant list as CSV for Danish Excel: UTF-8 with a byte-order mark (so æøå survive),
 * semicolons between cells (the Danish list separator), CRLF line ends, times in Copenhagen.
 */
export function participantsCsv(participants: readonly ParticipantRow[]): string {
  const lines = [csvColumns.join(';')];
  for (const p of participants) {
    lines.push(
      [
        p.name,
        p.email,
        p.is_guest ? 'Gæst' : 'Bruger',
        p.status === 'confirmed' ? 'Bekræftet' : 'Venteliste',
        p.position === null ? '' : String(p.position),
        p.check_in_code ? formatCheckInCode(p.check_in_code) : '',
        p.attended_at ? copenhagen.format(new Date(p.attended_at)) : '',
        copenhagen.format(new Date(p.created_at)),
      ]
        .map(cell)
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function exportEventParticipants(ctx: UseCaseContext, eventId: number): Promise<string> {
  const { participants } = await listEventParticipants(ctx, eventId);
  await audit(ctx, { action: 'event.participants-exported', targetType: 'event', targetId: String(eventId) });
  return participantsCsv(participants);
}

export async function markAttendance(
  ctx: UseCaseContext,
  eventId: number,
  registrationId: number,
  attended: boolean,
): Promise<void> {
  await eventOrNotFound(ctx, eventId);
  await transaction(ctx, async (tx, db) => {
    if (!(await setAttendance(db, eventId, registrationId, attended ? new Date() : null))) {
      throw notFound('Deltageren findes ikke på dette arrangement.');
    }
    await audit(tx, {
      action: attended ? 'event.attended' : 'event.attendance-removed',
      targetType: 'event',
      targetId: String(eventId),
      details: { registrationId },
    });
  });
}

/** Checks a participant in by the code they show; checking in twice answers the same. */
export async function checkInByCode(
  ctx: UseCaseContext,
  eventId: number,
  code: string,
): Promise<{ registrationId: number; name: string; alreadyCheckedIn: boolean }> {
  await eventOrNotFound(ctx, eventId);
  return transaction(ctx, async (tx, db) => {
    const registration = await findByCheckInCode(db, eventId, code);
    if (!registration) throw notFound('Ingen deltager på dette arrangement har den kode.');
    if (registration.status !== 'confirmed') {
      throw conflict(
        registration.status === 'waitlisted'
          ? `${registration.name} står på ventelisten og har ikke en plads.`
          : `${registration.name} har ikke bekræftet sin tilmelding.`,
      );
    }
    const alreadyCheckedIn = registration.attended_at !== null;
    if (!alreadyCheckedIn) {
      await setAttendance(db, eventId, registration.id, new Date());
      await audit(tx, {
        action: 'event.checked-in',
        targetType: 'event',
        targetId: String(eventId),
        details: { registrationId: registration.id },
      });
    }
    return { registrationId: registration.id, name: registration.name, alreadyCheckedIn };
  });
}

/** The signed-in member's check-in code and QR code for an event they have a seat at. */
export async function myCheckIn(ctx: UseCaseContext, eventId: number) {
  const userId = ctx.actorId;
  if (!userId) throw notSignedIn();
  const registration = await findActiveRegistration(ctx.deps.db, eventId, userId);
  if (registration?.status !== 'confirmed') {
    throw notFound('Du har ikke en bekræftet plads til dette arrangement.');
  }
  const stored = await ensureCheckInCode(ctx.deps.db, registration.id, generateCheckInCode());
  if (!stored) throw notFound('Du har ikke en bekræftet plads til dette arrangement.');
  const code = formatCheckInCode(stored);
  return {
    code,
    qrSvg: await qrCodeSvg(
      checkInUrl(ctx.deps.config.publicUrl, eventId, stored),
      `QR-kode til indtjekning, kode ${code}`,
    ),
  };
}
