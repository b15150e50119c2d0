// Recurring events in the product (issue 9): creating an event with a recurrence creates every
// occurrence (each its own event with its own sign-ups and capacity, linked by a series), and an
// edit of "this and following" changes this occurrence and every later one of its series.
import {
  insertEvent,
  insertEventSeries,
  listFollowingOccurrences,
  lockEvent,
  setEventFocusAreas,
  setEventLanguages,
} from '@brobygger/db';
import {
  type CreateEventInput,
  expandRecurrence,
  newEventTimingIssues,
  RecurrenceError,
  shiftFollowing,
  type UpdateEventInput,
} from '@brobygger/domain';
import { scheduleEventReminders } from '../../jobs/events.ts';
import { indexLater } from '../../search/index-later.ts';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { invalidField, notFound } from '../errors.ts';
import { readEvent } from '../events/browse.ts';
import { checkReferences, updateEvent } from '../events/manage.ts';

/** Creates a series: every occurrence of the rule, each as its own event. Answers the first. */
export async function createEventSeries(ctx: UseCaseContext, input: CreateEventInput) {
  const recurrence = input.recurrence;
  if (!recurrence) throw invalidField('recurrence', 'Vælg hvordan arrangementet gentages');
  const timing = newEventTimingIssues(input.startsAt, new Date());
  if (timing.startsAt) throw invalidField('startsAt', timing.startsAt);
  let occurrences: ReturnType<typeof expandRecurrence>;
  try {
    occurrences = expandRecurrence(input.startsAt, input.endsAt, recurrence);
  } catch (error) {
    if (error instanceof RecurrenceError) {
      throw invalidField(
        error.field === 'start' || error.field === 'end' ? `${error.field}sAt` : `recurrence.${error.field}`,
        error.message,
      );
    }
    throw error;
  }
  // The deadline keeps its distance to the start in every occurrence.
  const deadlineOffset = input.signupDeadline
    ? input.startsAt.getTime() - input.signupDeadline.getTime()
    : null;
  const ids = await transaction(ctx, async (tx, db) => {
    const { focusAreaIds } = await checkReferences(tx, input);
    const seriesId = await insertEventSeries(db, {
      frequency: recurrence.frequency,
      weekOfMonth: recurrence.weekOfMonth ?? null,
      until: recurrence.until,
      createdBy: ctx.actorId,
    });
    const now = new Date();
    const created: number[] = [];
    for (const occurrence of occurrences) {
      const eventId = await insertEvent(db, {
        type_id: input.typeId,
        title: input.title,
        description: input.description,
        starts_at: occurrence.start,
        ends_at: occurrence.end,
        address: input.address ?? null,
        online_url: input.onlineUrl ?? null,
        capacity: input.capacity ?? null,
        signup_deadline:
          deadlineOffset === null ? null : new Date(occurrence.start.getTime() - deadlineOffset),
        organiser_name: input.organiserName,
        organiser_user_id: input.organiserUserId ?? null,
        association_id: null,
        status: input.status,
        reminder_hours: input.reminderHours,
        step_free: input.stepFree,
        hearing_loop: input.hearingLoop,
        interpreter: input.interpreter,
        childcare: input.childcare,
        series_id: seriesId,
        created_by: ctx.actorId,
        published_at: input.status === 'published' ? now : null,
      });
      await setEventFocusAreas(db, eventId, focusAreaIds ?? []);
      await setEventLanguages(db, eventId, input.languages);
      if (input.status === 'published') await scheduleEventReminders(db, eventId, now);
      await indexLater(db, 'event', eventId); // search (issue 12)
      created.push(eventId);
    }
    await audit(tx, {
      action: 'event.series-created',
      targetType: 'event',
      targetId: String(created[0]),
      details: { seriesId, occurrences: created.length, status: input.status },
    });
    return created;
  });
  return (await readEvent(ctx, ids[0] as number, { canManage: true })).event;
}

/**
 * "This and following": the edit applies to this occurrence, and to each later occurrence of its
 * series (not cancelled ones) — a new time moves them by the same number of days to the new
 * wall-clock time. Each goes through the ordinary edit (capacity rules, mail to those signed up),
 * all in one transaction: if one is refused, none changes.
 */
export async function updateFollowing(ctx: UseCaseContext, id: number, input: UpdateEventInput) {
  const { scope: _scope, ...changes } = input;
  await transaction(ctx, async (tx, db) => {
    const event = await lockEvent(db, id);
    if (!event) throw notFound('Arrangementet findes ikke.');
    const oldStart = new Date(event.starts_at);
    const newStart = changes.startsAt ?? oldStart;
    const newEnd = changes.endsAt ?? new Date(event.ends_at);
    const later = event.series_id ? await listFollowingOccurrences(db, event.series_id, oldStart) : [];
    const deadlineOffset =
      changes.signupDeadline !== undefined
        ? changes.signupDeadline === null
          ? null
          : newStart.getTime() - changes.signupDeadline.getTime()
        : undefined;
    await updateEvent(tx, id, { ...changes, scope: 'this' });
    const moved = changes.startsAt !== undefined || changes.endsAt !== undefined;
    const times = moved
      ? shiftFollowing(
          later.map((o) => ({ start: new Date(o.starts_at), end: new Date(o.ends_at) })),
          { oldStart, newStart, newEnd },
        )
      : [];
    for (const [index, occurrence] of later.entries()) {
      const time = times[index];
      const start = time?.start ?? new Date(occurrence.starts_at);
      await updateEvent(tx, occurrence.id, {
        ...changes,
        scope: 'this',
        ...(time ? { startsAt: time.start, endsAt: time.end } : {}),
        ...(deadlineOffset !== undefined
          ? { signupDeadline: deadlineOffset === null ? null : new Date(start.getTime() - deadlineOffset) }
          : {}),
      });
    }
    await audit(tx, {
      action: 'event.series-updated',
      targetType: 'event',
      targetId: String(id),
      details: { following: later.map((o) => o.id), fields: Object.keys(changes) },
    });
  });
  return (await readEvent(ctx, id, { canManage: true })).event;
}
