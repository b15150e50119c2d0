import {
  activeRegistrationRecipients,
  countRegistrations,
  type EventRow,
  findEventType,
  findUserById,
  focusAreaIdsBySlug,
  insertEvent,
  lockEvent,
  setEventFocusAreas,
  setEventLanguages,
  updateEventRow,
} from '@brobygger/db';
import {
  type CreateEventInput,
  capacityChange,
  eventShapeIssues,
  newEventTimingIssues,
  timeOrPlaceChanged,
  type UpdateEventInput,
} from '@brobygger/domain';
import { dropShortLivedCopies } from '../../cache/event-list-cache.ts';
import { validationFailedMessage } from '../../errors.ts';
import { scheduleEventReminders } from '../../jobs/events.ts';
import { queueEmail } from '../../mail/send.ts';
import { indexLater } from '../../search/index-later.ts';
import { audit } from '../audit.ts';
import { type TransactionContext, transaction, type UseCaseContext } from '../context.ts';
import { conflict, invalidField, notFound, UseCaseError } from '../errors.ts';
import { createEventSeries, updateFollowing } from '../event-series/index.ts';
import { readEvent } from './browse.ts';
import { eventCancelledMessage, eventChangedMessage } from './messages.ts';
import { eventForMail, fillFreeSeats } from './sign-up.ts';

const invalidFields = (issues: Record<string, string>) =>
  new UseCaseError(
    'validation_failed',
    validationFailedMessage,
    422,
    Object.fromEntries(Object.entries(issues).map(([field, message]) => [field, [message]])),
  );

/** The checks only the database can answer: the type, the focus areas and the organiser exist. */
export async function checkReferences(
  tx: TransactionContext,
  input: { typeId?: number; focusAreas?: string[]; organiserUserId?: string | null },
) {
  const db = tx.deps.db;
  if (input.typeId !== undefined && !(await findEventType(db, input.typeId))) {
    throw invalidField('typeId', 'Ukendt type');
  }
  let focusAreaIds: number[] | undefined;
  if (input.focusAreas !== undefined) {
    const ids = await focusAreaIdsBySlug(db, input.focusAreas);
    const unknown = input.focusAreas.filter((slug) => !ids.has(slug));
    if (unknown.length > 0) throw invalidField('focusAreas', `Ukendt fokusområde: ${unknown.join(', ')}`);
    focusAreaIds = [...new Set(input.focusAreas.map((slug) => ids.get(slug) as number))];
  }
  if (input.organiserUserId && !(await findUserById(db, input.organiserUserId))) {
    throw invalidField('organiserUserId', 'Ukendt bruger');
  }
  return { focusAreaIds };
}

/** Staff create an event: a draft, or published at once. It cannot begin in the past. */
export async function createEvent(ctx: UseCaseContext, input: CreateEventInput) {
  // events-extras: a recurrence creates every occurrence (services/event-series).
  if (input.recurrence) return createEventSeries(ctx, input);
  const timing = newEventTimingIssues(input.startsAt, new Date());
  if (Object.keys(timing).length > 0) throw invalidFields(timing);
  const id = await transaction(ctx, async (tx, db) => {
    const { focusAreaIds } = await checkReferences(tx, input);
    const now = new Date();
    const eventId = await insertEvent(db, {
      type_id: input.typeId,
      title: input.title,
      description: input.description,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      address: input.address ?? null,
      online_url: input.onlineUrl ?? null,
      capacity: input.capacity ?? null,
      signup_deadline: input.signupDeadline ?? null,
      organiser_name: input.organiserName,
      organiser_user_id: input.organiserUserId ?? null,
      association_id: null,
      status: input.status,
      reminder_hours: input.reminderHours,
      step_free: input.stepFree,
      hearing_loop: input.hearingLoop,
      interpreter: input.interpreter,
      childcare: input.childcare,
      series_id: null,
      created_by: ctx.actorId,
      published_at: input.status === 'published' ? now : null,
    });
    await setEventFocusAreas(db, eventId, focusAreaIds ?? []);
    await setEventLanguages(db, eventId, input.languages);
    // events-extras: reminders when they fall due
    if (input.status === 'published') await scheduleEventReminders(db, eventId);
    await indexLater(db, 'event', eventId); // search (issue 12)
    await audit(tx, {
      action: 'event.created',
      targetType: 'event',
      targetId: String(eventId),
      details: { status: input.status },
    });
    return eventId;
  });
  dropShortLivedCopies(ctx.deps);
  return (await readEvent(ctx, id, { canManage: true })).event;
}

async function tellEveryone(
  tx: TransactionContext,
  event: EventRow,
  message: typeof eventChangedMessage | typeof eventCancelledMessage,
) {
  const recipients = await activeRegistrationRecipients(tx.deps.db, event.id);
  for (const person of recipients) {
    await queueEmail(
      tx.deps,
      message(person.email, person.name, eventForMail(event), tx.deps.config.publicUrl),
    );
  }
  return recipients.length;
}

/**
 * Staff edit an event. The capacity cannot go below the confirmed count; raised, it promotes from
 * the waitlist at once. A changed time or place of a published event is mailed to everyone signed
 * up, in the same transaction. A cancelled event is not edited.
 */
export async function updateEvent(ctx: UseCaseContext, id: number, input: UpdateEventInput) {
  // events-extras: "this and following" of a series (services/event-series).
  if (input.scope === 'following') return updateFollowing(ctx, id, input);
  await transaction(ctx, async (tx, db) => {
    const before = await lockEvent(db, id);
    if (!before) throw notFound('Arrangementet findes ikke.');
    if (before.status === 'cancelled') throw conflict('Et aflyst arrangement kan ikke redigeres.');
    const merged = {
      startsAt: input.startsAt ?? new Date(before.starts_at),
      endsAt: input.endsAt ?? new Date(before.ends_at),
      address: input.address !== undefined ? input.address : before.address,
      onlineUrl: input.onlineUrl !== undefined ? input.onlineUrl : before.online_url,
      capacity: input.capacity !== undefined ? input.capacity : before.capacity,
      signupDeadline:
        input.signupDeadline !== undefined
          ? input.signupDeadline
          : before.signup_deadline
            ? new Date(before.signup_deadline)
            : null,
    };
    const issues = eventShapeIssues(merged);
    if (input.startsAt && input.startsAt.getTime() !== new Date(before.starts_at).getTime()) {
      Object.assign(issues, newEventTimingIssues(input.startsAt, new Date()));
    }
    if (Object.keys(issues).length > 0) throw invalidFields(issues);
    const { focusAreaIds } = await checkReferences(tx, input);
    if (input.capacity !== undefined && input.capacity !== before.capacity) {
      const { confirmed, waitlisted } = await countRegistrations(db, id);
      const change = capacityChange(merged.capacity, confirmed, waitlisted);
      if (!change.ok) throw invalidField('capacity', change.message);
    }
    await updateEventRow(db, id, {
      ...(input.typeId !== undefined ? { type_id: input.typeId } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.organiserName !== undefined ? { organiser_name: input.organiserName } : {}),
      ...(input.organiserUserId !== undefined ? { organiser_user_id: input.organiserUserId } : {}),
      ...(input.reminderHours !== undefined ? { reminder_hours: input.reminderHours } : {}),
      ...(input.stepFree !== undefined ? { step_free: input.stepFree } : {}),
      ...(input.hearingLoop !== undefined ? { hearing_loop: input.hearingLoop } : {}),
      ...(input.interpreter !== undefined ? { interpreter: input.interpreter } : {}),
      ...(input.childcare !== undefined ? { childcare: input.childcare } : {}),
      starts_at: merged.startsAt,
      ends_at: merged.endsAt,
      address: merged.address,
      online_url: merged.onlineUrl,
      capacity: merged.capacity,
      signup_deadline: merged.signupDeadline,
    });
    if (focusAreaIds) await setEventFocusAreas(db, id, focusAreaIds);
    if (input.languages) await setEventLanguages(db, id, input.languages);
    const after = (await lockEvent(db, id)) as EventRow;
    const promoted = await fillFreeSeats(tx, after);
    const moved =
      before.status === 'published' &&
      timeOrPlaceChanged(
        {
          startsAt: new Date(before.starts_at),
          endsAt: new Date(before.ends_at),
          address: before.address,
          onlineUrl: before.online_url,
        },
        merged,
      );
    const told = moved ? await tellEveryone(tx, after, eventChangedMessage) : 0;
    // events-extras: reminders follow a new time (the key holds the due time)
    if (after.status === 'published') await scheduleEventReminders(db, id);
    await indexLater(db, 'event', id); // search (issue 12)
    await audit(tx, {
      action: 'event.updated',
      targetType: 'event',
      targetId: String(id),
      details: { fields: Object.keys(input), promoted, told },
    });
  });
  dropShortLivedCopies(ctx.deps);
  return (await readEvent(ctx, id, { canManage: true })).event;
}

/** A draft goes public. Publishing a published event changes nothing; a past one is refused. */
export async function publishEvent(ctx: UseCaseContext, id: number) {
  await transaction(ctx, async (tx, db) => {
    const event = await lockEvent(db, id);
    if (!event) throw notFound('Arrangementet findes ikke.');
    if (event.status === 'published') return;
    if (event.status === 'cancelled') throw conflict('Et aflyst arrangement kan ikke offentliggøres.');
    if (new Date(event.starts_at).getTime() <= Date.now()) {
      throw invalidField('startsAt', 'Arrangementet er allerede begyndt; ret tidspunktet først');
    }
    await updateEventRow(db, id, { status: 'published', published_at: new Date() });
    await scheduleEventReminders(db, id); // events-extras
    await indexLater(db, 'event', id); // search (issue 12)
    await audit(tx, { action: 'event.published', targetType: 'event', targetId: String(id) });
  });
  dropShortLivedCopies(ctx.deps);
  return (await readEvent(ctx, id, { canManage: true })).event;
}

/** Cancels an event; everyone signed up is told. Cancelling twice changes nothing the second time. */
export async function cancelEvent(ctx: UseCaseContext, id: number) {
  await transaction(ctx, async (tx, db) => {
    const event = await lockEvent(db, id);
    if (!event) throw notFound('Arrangementet findes ikke.');
    if (event.status === 'cancelled') return;
    await updateEventRow(db, id, { status: 'cancelled', cancelled_at: new Date() });
    const told = event.status === 'published' ? await tellEveryone(tx, event, eventCancelledMessage) : 0;
    await indexLater(db, 'event', id); // search (issue 12)
    await audit(tx, {
      action: 'event.cancelled',
      targetType: 'event',
      targetId: String(id),
      details: { told },
    });
  });
  dropShortLivedCopies(ctx.deps);
  return (await readEvent(ctx, id, { canManage: true })).event;
}
