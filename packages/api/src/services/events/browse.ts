import {
  findActiveRegistration,
  getEventDetail,
  listEvents,
  listEventTypes,
  listMyRegistrations,
  waitlistPosition,
} from '@brobygger/db';
import {
  copenhagenDayStart,
  type EventListQuery,
  eventListPageSize,
  type SignUpRefusal,
  signUpRefusal,
  signUpRefusalMessages,
} from '@brobygger/domain';
import type { UseCaseContext } from '../context.ts';
import { notFound, notSignedIn } from '../errors.ts';
import { eventDetail, eventSummary } from './views.ts';

const nextDay = (date: string) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
};

/**
 * Events matching the filters, a page at a time, in start order. Without a start date only events
 * that have not ended are listed; dates are days in Europe/Copenhagen. The public list holds
 * published and cancelled events, the same for everyone; `drafts` lists only drafts (for staff).
 */
export async function findEvents(
  ctx: UseCaseContext,
  query: EventListQuery,
  options: { drafts?: boolean } = {},
) {
  const page = query.page;
  const { rows, total } = await listEvents(ctx.deps.db, {
    ...(query.from ? { startsFrom: copenhagenDayStart(query.from) ?? undefined } : { endsAfter: new Date() }),
    ...(query.to ? { startsBefore: copenhagenDayStart(nextDay(query.to)) ?? undefined } : {}),
    type: query.type,
    focusArea: query.focusArea,
    language: query.language,
    organiser: query.organiser,
    q: query.q,
    stepFree: query.stepFree,
    hearingLoop: query.hearingLoop,
    interpreter: query.interpreter,
    childcare: query.childcare,
    drafts: options.drafts ?? false,
    limit: eventListPageSize,
    offset: (page - 1) * eventListPageSize,
  });
  return { events: rows.map(eventSummary), total, page, pageSize: eventListPageSize };
}

export async function readEventTypes(ctx: UseCaseContext) {
  const types = await listEventTypes(ctx.deps.db);
  return types.map((type) => ({ id: type.id, slug: type.slug, name: type.name_da, nameEn: type.name_en }));
}

/**
 * One event, with whether sign-up is open and the caller's own registration. A draft is shown only
 * to those who may manage events; to anyone else it does not exist.
 */
export async function readEvent(ctx: UseCaseContext, id: number, options: { canManage?: boolean } = {}) {
  const row = await getEventDetail(ctx.deps.db, id);
  if (!row || (row.status === 'draft' && !options.canManage)) throw notFound('Arrangementet findes ikke.');
  const event = eventDetail(row);
  const refusal: SignUpRefusal | null = signUpRefusal(
    {
      status: row.status,
      startsAt: new Date(row.starts_at),
      signupDeadline: row.signup_deadline ? new Date(row.signup_deadline) : null,
    },
    new Date(),
  );
  let myRegistration: {
    id: number;
    status: 'confirmed' | 'waitlisted' | 'pending_guest';
    position: number | null;
  } | null = null;
  if (ctx.actorId) {
    const mine = await findActiveRegistration(ctx.deps.db, id, ctx.actorId);
    if (mine && mine.status !== 'cancelled') {
      myRegistration = {
        id: mine.id,
        status: mine.status,
        position:
          mine.status === 'waitlisted' ? await waitlistPosition(ctx.deps.db, id, mine.queue_seq) : null,
      };
    }
  }
  return {
    event,
    signUp: {
      open: refusal === null,
      reason: refusal,
      message: refusal ? signUpRefusalMessages[refusal] : null,
    },
    myRegistration,
  };
}

/** The signed-in member's sign-ups to events that have not ended, with waitlist positions. */
export async function readMyEventRegistrations(ctx: UseCaseContext) {
  if (!ctx.actorId) throw notSignedIn();
  const rows = await listMyRegistrations(ctx.deps.db, ctx.actorId, new Date());
  return rows.map((row) => ({
    registrationId: row.registration_id,
    status: row.status,
    position: row.position === null ? null : Number(row.position),
    event: {
      id: row.event_id,
      title: row.title,
      startsAt: new Date(row.starts_at).toISOString(),
      endsAt: new Date(row.ends_at).toISOString(),
      address: row.address,
      onlineUrl: row.online_url,
      status: row.event_status,
    },
  }));
}
