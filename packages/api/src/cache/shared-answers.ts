import type { UseCaseContext } from '../services/context.ts';

/**
 * The JSON answers of shared reads (`packages/api/src/shared-reads.ts`), per API instance: each
 * kept while the public-data counter stays where it was when it was made (every table the read
 * reads moves the counter in the transaction of a change; a use case of this process that changes
 * one invalidates the counter at once) and at most until the minute turns (what the clock decides,
 * and names from accounts, which do not move the counter). Only for answers that are the same for
 * everyone the read's action allows.
 */
const answers = new WeakMap<object, Map<string, { stamp: string; answer: string }>>();
const maxAnswers = 500;

export async function sharedAnswer(
  ctx: UseCaseContext,
  key: string,
  load: () => Promise<string>,
  now = Date.now(),
): Promise<string> {
  const cache = ctx.deps.publicCache;
  if (!cache) return load();
  const generation = await cache.currentGeneration();
  const stamp = `${generation}|${Math.floor(now / 60_000)}`;
  let held = answers.get(cache);
  if (!held) {
    held = new Map();
    answers.set(cache, held);
  }
  const found = held.get(key);
  if (found?.stamp === stamp) return found.answer;
  const answer = await load();
  // Made across a change (the counter moved meanwhile): answered, not kept.
  if ((await cache.currentGeneration()) === generation) {
    held.delete(key);
    if (held.size >= maxAnswers) {
      const oldest = held.keys().next().value;
      if (oldest !== undefined) held.delete(oldest);
    }
    held.set(key, { stamp, answer });
  }
  return answer;
}
