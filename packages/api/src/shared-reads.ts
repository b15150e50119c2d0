import type { Action } from '@brobygger/domain';
import type { UseCaseContext } from './services/context.ts';
import { steeringOverviewAnswer } from './services/status/index.ts';
import { volunteerSearchAnswerFor } from './services/volunteers/index.ts';

/**
 * Shared reads: GETs whose answer is the same for everyone one action permits (and 401/403 for
 * everyone else), made only of data that moves the public-data counter. Their route checks
 * exactly `action` and reads nothing else about the caller. So:
 *  - the API's fast path answers a caller it has just checked (the session cache) and whom the
 *    action allows with `answer()`, without the rest of the chain (`publicReadFastPath`);
 *  - a portal page made only of them and public reads is kept once for everyone the action allows
 *    (the page cache's shared pages, ADR 0013).
 */
export interface SharedRead {
  pattern: RegExp;
  action: Action;
  /**
   * The JSON answer, as the route sends it (kept by the use case until its data changes), for the
   * request's query; undefined when the query is not one the route would answer with 200 (the
   * request then goes down the chain, which says what is wrong).
   */
  answer(ctx: UseCaseContext, query: URLSearchParams): Promise<string | undefined>;
}

export const sharedReads: readonly SharedRead[] = [
  // Status reports (issue 13): the steering overview (ADR 0015).
  {
    pattern: /^\/api\/steering\/overview$/,
    action: 'status:review',
    answer: (ctx, query) => (query.size === 0 ? steeringOverviewAnswer(ctx) : Promise.resolve(undefined)),
  },
  // Associations and volunteers (issue 10): staff's volunteer search (consenting volunteers only).
  { pattern: /^\/api\/volunteers$/, action: 'volunteer:search', answer: volunteerSearchAnswerFor },
];

/** The action a shared read is allowed by; undefined for any other path. */
export function sharedReadAction(path: string): Action | undefined {
  return sharedReads.find((read) => read.pattern.test(path))?.action;
}
