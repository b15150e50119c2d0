import {
  countApprovedActivities,
  decideModeration,
  findAssociationBySlug,
  findEvent,
  findModeration,
  findUserById,
  insertEvent,
  insertModeration,
  listEventTypes,
  listPendingActivities,
  lockAssociation,
  lockEvent,
  setEventFocusAreas,
  setEventLanguages,
  updateEventRow,
} from '@brobygger/db';
import {
  activityModeration,
  type CreateActivityInput,
  newEventTimingIssues,
  type UpdateActivityInput,
} from '@brobygger/domain';
import { dropShortLivedCopies } from '../../cache/event-list-cache.ts';
import { validationFailedMessage } from '../../errors.ts';
import { scheduleEventReminders } from '../../jobs/events.ts';
import { queueEmail } from '../../mail/send.ts';
import { indexLater } from '../../search/index-later.ts';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { conflict, invalidField, notFound, UseCaseError } from '../errors.ts';
import { readEvent } from '../events/browse.ts';
import { cancelEvent, checkReferences, updateEvent } from '../events/manage.ts';
import { requirePermission } from './actor.ts';
import { activityApprovedMessage, activityRejectedMessage } from './messages.ts';

const iso = (date: Date | string) => new Date(date).toISOString();

/**
 * An association's member or admin posts an activity: an event of the type "activity" with the
 * association as organiser, through the events tables (same sign-up, waitlist, calendar and
 * check-in). A pending association's activities, and a verified one's first three, wait for staff;
 * later ones publish at once.
 */
export async function postActivity(ctx: UseCaseContext, slug: string, input: CreateActivityInput) {
  const association = await findAssociationBySlug(ctx.deps.db, slug);
  if (!association) throw notFound('Foreningen findes ikke.');
  const timing = newEventTimingIssues(input.startsAt, new Date());
  if (Object.keys(timing).length > 0) {
    throw new UseCaseError('validation_failed', validationFailedMessage, 422, {
      startsAt: [timing.startsAt as string],
    });
  }
  const { id, decision } = await transaction(ctx, async (tx, db) => {
    await requirePermission(tx, 'association:post-activity', { associationId: association.id });
    // One post at a time per association, so "the first three" are counted exactly.
    const locked = await lockAssociation(db, association.id);
    if (!locked) throw notFound('Foreningen findes ikke.');
    const type = (await listEventTypes(db)).find((item) => item.slug === 'activity');
    if (!type) throw conflict('Typen "aktivitet" findes ikke.');
    const { focusAreaIds } = await checkReferences(tx, { focusAreas: input.focusAreas });
    const decision = activityModeration(
      { verified: locked.verified_at !== null },
      await countApprovedActivities(db, association.id),
    );
    const now = new Date();
    const eventId = await insertEvent(db, {
      type_id: type.id,
      title: input.title,
      description: input.description,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      address: input.address ?? null,
      online_url: input.onlineUrl ?? null,
      capacity: input.capacity ?? null,
      signup_deadline: input.signupDeadline ?? null,
      organiser_name: association.name,
      organiser_user_id: ctx.actorId,
      association_id: association.id,
      status: decision === 'publish' ? 'published' : 'draft',
      step_free: input.stepFree,
      hearing_loop: input.hearingLoop,
      interpreter: input.interpreter,
      childcare: input.childcare,
      series_id: null,
      created_by: ctx.actorId,
      published_at: decision === 'publish' ? now : null,
    });
    await setEventFocusAreas(db, eventId, focusAreaIds ?? []);
    await setEventLanguages(db, eventId, input.languages);
    await insertModeration(db, {
      event_id: eventId,
      association_id: association.id,
      posted_by: ctx.actorId,
      state: decision === 'publish' ? 'auto' : 'pending',
    });
    if (decision === 'publish') await scheduleEventReminders(db, eventId);
    await audit(tx, {
      action: 'activity.posted',
      targetType: 'event',
      targetId: String(eventId),
      details: { association: association.id, moderation: decision },
    });
    await indexLater(db, 'event', eventId);
    return { id: eventId, decision };
  });
  dropShortLivedCopies(ctx.deps);
  const { event } = await readEvent(ctx, id, { canManage: true });
  return { event, moderation: decision === 'publish' ? ('published' as const) : ('pending' as const) };
}

/** Staff: the moderation queue, oldest first. */
export async function readModerationQueue(ctx: UseCaseContext) {
  const rows = await listPendingActivities(ctx.deps.db);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    description: row.description,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    address: row.address,
    onlineUrl: row.online_url,
    association: {
      slug: row.association_slug,
      name: row.association_name,
      verified: row.verified_at !== null,
    },
    postedBy: row.poster_name,
    postedAt: iso(row.created_at),
  }));
}

async function moderated(ctx: UseCaseContext, eventId: number) {
  const db = ctx.deps.db;
  // The event's row lock serialises decisions about it.
  const event = await lockEvent(db, eventId);
  const moderation = await findModeration(db, eventId);
  if (!moderation || !event) throw notFound('Aktiviteten findes ikke.');
  return { moderation: { ...moderation, missing: false }, event };
}

/**
 * Staff may unpublish any activity: one an association posted, or an event of the type activity
 * without an association's moderation (the poster told is then whoever created it, if anyone).
 */
async function anyActivity(ctx: UseCaseContext, eventId: number) {
  const db = ctx.deps.db;
  const event = await lockEvent(db, eventId);
  if (!event) throw notFound('Aktiviteten findes ikke.');
  const found = await findModeration(db, eventId);
  if (found) return { event, moderation: { ...found, missing: false } };
  const type = (await listEventTypes(db)).find((item) => item.slug === 'activity');
  if (!type || event.type_id !== type.id) {
    throw notFound('Aktiviteten findes ikke.');
  }
  const creator = event.created_by ? await findUserById(db, event.created_by) : undefined;
  return {
    event,
    moderation: {
      event_id: eventId,
      association_id: event.association_id,
      posted_by: event.created_by,
      state: 'auto' as const,
      reason: null,
      poster_email: creator?.email ?? null,
      poster_name: creator?.display_name ?? null,
      missing: true,
    },
  };
}

/** Staff approve a waiting activity: it is published, and the poster is told. */
export async function approveActivity(ctx: UseCaseContext, eventId: number) {
  await transaction(ctx, async (tx, db) => {
    const { moderation, event } = await moderated(tx, eventId);
    if (moderation.state !== 'pending') throw conflict('Aktiviteten venter ikke på godkendelse.');
    if (event.status === 'cancelled') throw conflict('Aktiviteten er aflyst.');
    if (new Date(event.starts_at).getTime() <= Date.now()) {
      throw invalidField('startsAt', 'Aktiviteten er allerede begyndt; den kan ikke offentliggøres');
    }
    await updateEventRow(db, eventId, { status: 'published', published_at: new Date() });
    await decideModeration(db, eventId, { state: 'approved', reason: null, decided_by: ctx.actorId });
    await scheduleEventReminders(db, eventId);
    if (moderation.poster_email) {
      await queueEmail(
        tx.deps,
        activityApprovedMessage(
          moderation.poster_email,
          moderation.poster_name ?? '',
          event.title,
          `${tx.deps.config.publicUrl}/arrangementer/${eventId}`,
        ),
      );
    }
    await audit(tx, { action: 'activity.approved', targetType: 'event', targetId: String(eventId) });
    await indexLater(db, 'event', eventId);
  });
  dropShortLivedCopies(ctx.deps);
}

/**
 * Staff reject a waiting activity (it stays unpublished), or unpublish a published one; either
 * way the poster is told why by email.
 */
export async function rejectActivity(
  ctx: UseCaseContext,
  eventId: number,
  reason: string,
  kind: 'reject' | 'unpublish',
) {
  await transaction(ctx, async (tx, db) => {
    const { moderation, event } =
      kind === 'unpublish' ? await anyActivity(tx, eventId) : await moderated(tx, eventId);
    if (kind === 'reject' && moderation.state !== 'pending') {
      throw conflict('Aktiviteten venter ikke på godkendelse.');
    }
    if (kind === 'unpublish' && event.status !== 'published') {
      throw conflict('Aktiviteten er ikke offentliggjort.');
    }
    if (kind === 'unpublish') await updateEventRow(db, eventId, { status: 'draft', published_at: null });
    if (moderation.missing) {
      // An activity staff made themselves: its moderation row starts here.
      await insertModeration(db, {
        event_id: eventId,
        association_id: moderation.association_id,
        posted_by: event.created_by,
        state: 'unpublished',
      });
    }
    await decideModeration(db, eventId, {
      state: kind === 'reject' ? 'rejected' : 'unpublished',
      reason: reason || null,
      decided_by: ctx.actorId,
    });
    if (moderation.poster_email) {
      await queueEmail(
        tx.deps,
        activityRejectedMessage(
          moderation.poster_email,
          moderation.poster_name ?? '',
          event.title,
          reason,
          kind === 'unpublish',
        ),
      );
    }
    await audit(tx, {
      action: kind === 'reject' ? 'activity.rejected' : 'activity.unpublished',
      targetType: 'event',
      targetId: String(eventId),
    });
    await indexLater(db, 'event', eventId);
  });
  dropShortLivedCopies(ctx.deps);
}

/** An association's activity, for its own members and admins only (403 for anyone else). */
async function ownActivity(ctx: UseCaseContext, eventId: number) {
  const event = await findEvent(ctx.deps.db, eventId);
  if (!event || event.association_id === null) throw notFound('Aktiviteten findes ikke.');
  await requirePermission(ctx, 'association:post-activity', { associationId: event.association_id });
  return event;
}

/**
 * The association edits its activity with the events' own edit (time or place changes are mailed
 * to those signed up). Its moderation state stays: a waiting activity keeps waiting.
 */
export async function updateActivity(ctx: UseCaseContext, eventId: number, input: UpdateActivityInput) {
  await ownActivity(ctx, eventId);
  const event = await updateEvent(ctx, eventId, input);
  await transaction(ctx, async (_tx, db) => indexLater(db, 'event', eventId));
  return event;
}

/** The association cancels its activity with the events' own cancel (everyone signed up is told). */
export async function cancelActivity(ctx: UseCaseContext, eventId: number) {
  await ownActivity(ctx, eventId);
  const event = await cancelEvent(ctx, eventId);
  await transaction(ctx, async (_tx, db) => indexLater(db, 'event', eventId));
  return event;
}

/** The association's own activity as its members edit it (also while it waits, as a draft). */
export async function readOwnActivity(ctx: UseCaseContext, eventId: number) {
  await ownActivity(ctx, eventId);
  return (await readEvent(ctx, eventId, { canManage: true })).event;
}
