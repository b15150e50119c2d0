import { describe, expect, it } from 'vitest';
import { dropShortLivedCopies, EventListCache } from './event-list-cache.ts';

describe('EventListCache', () => {
  it('keeps an answer for its time to live, and drops everything on invalidate', () => {
    let now = 0;
    const cache = new EventListCache(1000, 2, () => now);
    cache.beginLoad('?a')('A');
    expect(cache.get('?a')).toBe('A');
    now = 999;
    expect(cache.get('?a')).toBe('A');
    now = 1000;
    expect(cache.get('?a')).toBeUndefined();
    cache.beginLoad('?a')('A2');
    cache.invalidate();
    expect(cache.get('?a')).toBeUndefined();
  });

  it('does not keep an answer loaded while something changed, and holds at most maxEntries', () => {
    const cache = new EventListCache(1000, 2, () => 0);
    const store = cache.beginLoad('?a');
    cache.invalidate();
    store('stale');
    expect(cache.get('?a')).toBeUndefined();
    for (const key of ['?1', '?2', '?3']) cache.beginLoad(key)(key);
    expect(cache.get('?1')).toBeUndefined();
    expect(cache.get('?3')).toBe('?3');
  });

  it('is emptied by dropShortLivedCopies, which moves its version (and does nothing without a cache)', () => {
    const cache = new EventListCache(1000, 10, () => 0);
    cache.beginLoad('?a')('A');
    cache.beginLoad('/api/resources')('R');
    const version = cache.version;
    dropShortLivedCopies({ eventListCache: cache });
    expect(cache.get('?a')).toBeUndefined();
    expect(cache.get('/api/resources')).toBeUndefined();
    expect(cache.version).toBe(version + 1);
    expect(() => dropShortLivedCopies({})).not.toThrow();
  });

  it('lets callers who miss wait for the load under way; a failed load or a change is not shared', async () => {
    const cache = new EventListCache(1000, 10, () => 0);
    const store = cache.beginLoad('?a');
    const waiting = cache.loadInFlight('?a');
    store('A');
    expect(await waiting).toBe('A');
    expect(cache.loadInFlight('?a')).toBeUndefined();

    const failing = cache.beginLoad('?b');
    const waitingForFailure = cache.loadInFlight('?b');
    failing();
    expect(await waitingForFailure).toBeUndefined();
    expect(cache.get('?b')).toBeUndefined();

    // After a change nobody joins a load that began before it.
    cache.beginLoad('?c');
    dropShortLivedCopies({ eventListCache: cache });
    expect(cache.loadInFlight('?c')).toBeUndefined();
  });
});
