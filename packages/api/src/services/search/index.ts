import type { Actor, SearchQueryInput } from '@brobygger/domain';
import { readerKeys, type SearchResult } from '@brobygger/search';
import { SearchAnswerCache } from '../../search/answer-cache.ts';
import { searchEngineOf } from '../../search/engine.ts';

const caches = new WeakMap<object, SearchAnswerCache>();

import type { UseCaseContext } from '../context.ts';

/** How far a search counts its matches (the port's bound): the route's schema states it. */
export { maxCountedHits } from '@brobygger/search';

/** The reader keys of an actor: their roles and their associations (issue 12). */
export function actorReaderKeys(actor: Actor): string[] {
  if (!actor) return readerKeys(null);
  return readerKeys({
    userId: actor.userId,
    roles: actor.grants.map((grant) => grant.role),
    associationIds: actor.grants.flatMap((grant) =>
      grant.associationId == null ? [] : [grant.associationId],
    ),
  });
}

/** One search across every findable type; nothing the actor may not read reaches them. */
export async function searchEverything(
  ctx: UseCaseContext,
  actor: Actor,
  query: SearchQueryInput,
): Promise<SearchResult> {
  const engine = searchEngineOf(ctx.deps);
  const search = {
    q: query.q,
    readers: actorReaderKeys(actor),
    type: query.type,
    focusArea: query.focusArea,
    tag: query.tag,
    page: query.page,
  };
  let cache = caches.get(engine);
  if (!cache) {
    cache = new SearchAnswerCache();
    caches.set(engine, cache);
  }
  return cache.get(search, () => engine.search(search));
}
