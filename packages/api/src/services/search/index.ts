import { hash } from 'node:crypto';
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

const audiences = new WeakMap<NonNullable<Actor>, string>();

/**
 * An opaque name for what an actor finds: the same for every actor with the same reader keys
 * (roles and associations), different for any other. The answer of `GET /api/search` carries it
 * (`X-Search-Audience`), and whatever keeps search answers or pages made from them keys on it:
 * the short-lived copies below, the front door, the portal's page cache (ADR 0013).
 */
export function searchAudienceOf(actor: Actor): string {
  if (!actor) return 'public';
  let audience = audiences.get(actor);
  if (audience === undefined) {
    const keys = actorReaderKeys(actor).sort().join(' ');
    audience = hash('sha256', keys, 'base64url').slice(0, 22);
    audiences.set(actor, audience);
  }
  return audience;
}

/**
 * The key of a signed-in caller's search answer in the process's short-lived copies (the event
 * list cache, a second): their audience and the request's path and query exactly as sent (`target`,
 * as `/api/search?q=…`). Only a
 * 200 made by the route is kept, so a target's key never holds anything the route did not answer.
 */
export function searchAnswerKey(audience: string, target: string): string {
  return `search ${audience}\n${target}`;
}

/** A search answer as the route sends it: the JSON, and the audience it was found for. */
export interface SearchAnswer {
  body: string;
  audience: string;
}

/**
 * `GET /api/search` for a signed-in caller: the JSON kept a second per audience and request
 * target, so a burst of the same search (search as you type, a popular word, a page reload)
 * searches and serialises once, and the front door can answer the next ones from memory.
 * Anonymous callers' answers are kept by the event list cache's middleware before the session is
 * looked up.
 */
export async function searchAnswerFor(
  ctx: UseCaseContext,
  actor: Actor,
  query: SearchQueryInput,
  target: string,
): Promise<SearchAnswer> {
  const audience = searchAudienceOf(actor);
  const cache = actor ? ctx.deps.eventListCache : undefined;
  if (!cache) return { body: JSON.stringify(await searchEverything(ctx, actor, query)), audience };
  const key = searchAnswerKey(audience, target);
  const kept = cache.get(key) ?? (await cache.loadInFlight(key));
  if (kept !== undefined) return { body: kept, audience };
  const store = cache.beginLoad(key);
  let body: string | undefined;
  try {
    body = JSON.stringify(await searchEverything(ctx, actor, query));
    return { body, audience };
  } finally {
    store(body);
  }
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
