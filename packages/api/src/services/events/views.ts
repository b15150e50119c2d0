import type { EventDetailRow, EventSummaryRow } from '@brobygger/db';
import { mapLink, seatsLeft, signUpClosesAt } from '@brobygger/domain';
import { renderMarkdown } from './markdown.ts';

const iso = (date: Date | string | null) => (date === null ? null : new Date(date).toISOString());

/** An event as the list shows it (the API's `EventSummary`). */
export function eventSummary(row: EventSummaryRow) {
  const startsAt = new Date(row.starts_at);
  const signupDeadline = row.signup_deadline ? new Date(row.signup_deadline) : null;
  return {
    id: row.id,
    title: row.title,
    type: { slug: row.type_slug, name: row.type_name_da, nameEn: row.type_name_en },
    startsAt: startsAt.toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    address: row.address,
    mapUrl: row.address ? mapLink(row.address) : null,
    onlineUrl: row.online_url,
    capacity: row.capacity,
    signupDeadline: iso(signupDeadline),
    signupClosesAt: signUpClosesAt({ startsAt, signupDeadline }).toISOString(),
    organiserName: row.organiser_name,
    status: row.status,
    seriesId: row.series_id,
    accessibility: {
      stepFree: row.step_free,
      hearingLoop: row.hearing_loop,
      interpreter: row.interpreter,
      childcare: row.childcare,
    },
    focusAreas: row.focus_areas ?? [],
    languages: row.languages ?? [],
    confirmed: Number(row.confirmed),
    waitlisted: Number(row.waitlisted),
    seatsLeft: seatsLeft(row.capacity, Number(row.confirmed)),
  };
}
export type EventSummary = ReturnType<typeof eventSummary>;

/** One event with its description (Markdown as written, and sanitised HTML). */
export function eventDetail(row: EventDetailRow) {
  return {
    ...eventSummary(row),
    typeId: row.type_id,
    description: row.description,
    descriptionHtml: renderMarkdown(row.description),
    reminderHours: row.reminder_hours,
    organiserUserId: row.organiser_user_id,
    associationId: row.association_id,
    publishedAt: iso(row.published_at),
    cancelledAt: iso(row.cancelled_at),
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
  };
}
export type EventDetail = ReturnType<typeof eventDetail>;
