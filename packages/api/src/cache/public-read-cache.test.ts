import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { ApiDependencies, AppEnv } from '../context.ts';
import { publicReadCache } from '../middleware/public-reads.ts';
import { PublicReadCache } from './public-read-cache.ts';

describe('PublicReadCache loads', () => {
  it('lets callers who miss wait for the load under way, and forgets a failed one', async () => {
    const cache = new PublicReadCache({ readGeneration: async () => 1 });
    const store = await cache.beginLoad('/api/policy');
    const waiting = cache.loadInFlight('/api/policy');
    expect(waiting).toBeDefined();
    store('{"a":1}');
    expect(await waiting).toMatchObject({ body: '{"a":1}' });
    expect(cache.loadInFlight('/api/policy')).toBeUndefined();
    expect(cache.peek('/api/policy')?.body).toBe('{"a":1}');

    const failing = await cache.beginLoad('/api/focus-areas');
    const waitingForFailure = cache.loadInFlight('/api/focus-areas');
    failing();
    expect(await waitingForFailure).toBeUndefined();
    expect(await cache.get('/api/focus-areas')).toBeUndefined();
  });

  it('answers callers who arrive together with one load of the route', async () => {
    let loads = 0;
    let fail = false;
    const publicCache = new PublicReadCache({ readGeneration: async () => 1 });
    const app = new Hono<AppEnv>()
      .basePath('/api')
      .use(async (c, next) => {
        c.set('deps', { publicCache } as unknown as ApiDependencies);
        await next();
      })
      .use(publicReadCache())
      .get('/focus-areas', async (c) => {
        loads += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return fail ? c.json({ error: 'busy' }, 503) : c.json({ focusAreas: [loads] });
      });
    const answers = await Promise.all(Array.from({ length: 10 }, () => app.request('/api/focus-areas')));
    expect(loads).toBe(1);
    expect(new Set(await Promise.all(answers.map((answer) => answer.text())))).toEqual(
      new Set(['{"focusAreas":[1]}']),
    );
    expect(new Set(answers.map((answer) => answer.headers.get('ETag'))).size).toBe(1);

    // A failed load is not shared: each caller waiting for it goes down the chain itself.
    publicCache.invalidate();
    fail = true;
    loads = 0;
    const failed = await Promise.all(Array.from({ length: 3 }, () => app.request('/api/focus-areas')));
    expect(failed.map((answer) => answer.status)).toEqual([503, 503, 503]);
    expect(loads).toBe(3);
  });
});
