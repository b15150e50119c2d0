// The events feature's use cases: what routes/events calls. Each owns its transaction, audit
// entries and mail; sign-up and cancellation lock the event row first (no overbooking).
export * from './browse.ts';
export * from './manage.ts';
export { renderMarkdown } from './markdown.ts';
export * from './sign-up.ts';
export type { EventDetail, EventSummary } from './views.ts';
