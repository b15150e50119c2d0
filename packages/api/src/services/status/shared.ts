import { type FocusAreaRef, findFocusAreaRef } from '@brobygger/db';
import { type Action, type Actor, can, defaultReportingRules, type ReportingRules } from '@brobygger/domain';
import type { UseCaseContext } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';

/** The reporting rules of this deployment (the deadline day is configurable). */
export function reportingRules(ctx: UseCaseContext): ReportingRules {
  const day = ctx.deps.config.reportDeadlineDay;
  return day ? { ...defaultReportingRules, deadlineDay: day } : defaultReportingRules;
}

export function clock(ctx: UseCaseContext): Date {
  return ctx.deps.now?.() ?? new Date();
}

export async function requireFocusArea(ctx: UseCaseContext, slug: string): Promise<FocusAreaRef> {
  const area = await findFocusAreaRef(ctx.deps.db, slug);
  if (!area) throw notFound(`Fokusområdet "${slug}" findes ikke`);
  return area;
}

/** The resource check after the route's permit(): this actor, this focus area. */
export function ensure(actor: Actor, action: Action, focusArea: string, message?: string): void {
  if (!can(actor, action, { focusArea })) throw forbidden(message);
}

/** After a commit that changed public data: this process's read cache forgets at once. */
export function publicDataChanged(ctx: UseCaseContext): void {
  ctx.deps.publicCache?.invalidate();
}

export const iso = (date: Date | null | undefined) => (date ? new Date(date).toISOString() : null);
