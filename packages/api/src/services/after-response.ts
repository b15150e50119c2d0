import type { ApiDependencies } from '../context.ts';

const pending = new WeakMap<ApiDependencies, Set<Promise<void>>>();

/**
 * Runs work after the answer has gone, so the answer's timing cannot tell what the work found
 * (password reset: whether the email is registered). Best effort: a failure is logged, and work
 * still pending when the process stops is lost (the user can ask again). Work that must not be
 * lost belongs in the outbox, written in the use case's transaction.
 */
export function afterResponse(deps: ApiDependencies, name: string, work: () => Promise<void>): void {
  let running = pending.get(deps);
  if (!running) {
    running = new Set();
    pending.set(deps, running);
  }
  const set = running;
  const task: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(work)
    .catch((error: unknown) => deps.logger.error({ err: error, work: name }, 'work after the answer failed'))
    .finally(() => set.delete(task));
  set.add(task);
}

/** Waits until no work started by `afterResponse` is left (tests; an orderly shutdown). */
export async function settleAfterResponse(deps: ApiDependencies): Promise<void> {
  const running = pending.get(deps);
  while (running && running.size > 0) await Promise.all([...running]);
}
