import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail, getPublicDataGeneration, openDatabase, seedPolicy } from '@brobygger/db';
import { openTestDatabase, testDatabaseKinds } from '@brobygger/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../app.ts';
import { sessionCookieName } from '../auth/cookies.ts';
import { SessionCache } from '../auth/session-cache.ts';
import type { ApiDependencies } from '../context.ts';
import { isPublicRead } from '../middleware/public-reads.ts';
import { PublicReadCache } from './public-read-cache.ts';

const publicPaths = [
  '/api/policy',
  '/api/strategy-tracks',
  '/api/focus-areas',
  '/api/focus-areas/kvinder',
  '/api/initiatives',
  '/api/initiatives?focusArea=kvinder',
  // Status reports (issue 13)
  '/api/focus-areas/kvinder/status',
  '/api/event-types',
  // Associations and volunteers (issue 10)
  '/api/associations',
  '/api/associations?q=venner',
];

// Short, so the tests that wait for another process's write do not wait long.
const checkIntervalMs = 50;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function apiOn(db: ApiDependencies['db'], kind: ApiDependencies['databaseKind']) {
  return createApi({
    db,
    databaseKind: kind,
    searchKind: 'postgres',
    logger: pino({ level: 'silent' }),
    config: { production: false, publicUrl: 'http://localhost:3000', devMailbox: true },
    publicCache: new PublicReadCache({ readGeneration: () => getPublicDataGeneration(db), checkIntervalMs }),
  });
}

describe.each(testDatabaseKinds())('public read cache on %s', (kind) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let api: ReturnType<typeof apiOn>;
  let staffCookie: string;
  let volunteerCookie: string;
  let steeringCookie: string;
  let adminCookie: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedPolicy(database.db);
    await seedDemoAccounts(database.db);
    api = apiOn(database.db, database.kind);
    const cookieFor = async (email: string) => {
      const user = await findUserByEmail(database.db, email);
      if (!user) throw new Error(`no demo user ${email}`);
      return `${sessionCookieName(false)}=${(await createSession(database.db, user.id)).token}`;
    };
    staffCookie = await cookieFor('medarbejder@brobygger.test');
    volunteerCookie = await cookieFor('frivillig@brobygger.test');
    steeringCookie = await cookieFor('styregruppe@brobygger.test');
    adminCookie = await cookieFor('admin@brobygger.test');
    // Hashing seven demo passwords takes a while on a busy machine.
  }, 180_000);
  afterAll(async () => {
    await database?.close();
  });

  it('answers public reads with an ETag, and 304 without a body when If-None-Match names it', async () => {
    for (const path of publicPaths) {
      const first = await api.request(path);
      expect(first.status, path).toBe(200);
      const etag = first.headers.get('ETag');
      expect(etag, path).toMatch(/^"[\w-]+"$/);
      expect(first.headers.get('Cache-Control')).toBe('no-cache');
      const body = await first.text();

      const again = await api.request(path);
      expect(again.headers.get('ETag')).toBe(etag);
      expect(await again.text()).toBe(body);

      const notModified = await api.request(path, { headers: { 'If-None-Match': `"other", W/${etag}` } });
      expect(notModified.status, path).toBe(304);
      expect(notModified.headers.get('ETag')).toBe(etag);
      expect(await notModified.text()).toBe('');

      const changed = await api.request(path, { headers: { 'If-None-Match': '"something-else"' } });
      expect(changed.status).toBe(200);
    }
  });

  it('answers a cached read with the same headers as a read through the whole chain', async () => {
    const fresh = apiOn(database.db, database.kind);
    const headersOf = (res: Response) => {
      const all = Object.fromEntries(res.headers);
      expect(all['x-request-id']).toMatch(/^[\w-]{8,}$/);
      delete all['x-request-id'];
      return all;
    };
    // The policy's reads, and the event list (a short-lived public read) for anonymous callers.
    for (const path of [...publicPaths, '/api/events', '/api/events?type=dialogue-meeting']) {
      const miss = await fresh.request(path);
      const hit = await fresh.request(path);
      expect(headersOf(hit), path).toEqual(headersOf(miss));
      expect(hit.headers.get('x-request-id')).not.toBe(miss.headers.get('x-request-id'));
      expect(hit.headers.get('content-security-policy'), path).toContain("default-src 'none'");
      expect(await hit.text(), path).toBe(await miss.text());
      // A caller's own request id is kept, as through the chain.
      const own = await fresh.request(path, { headers: { 'X-Request-Id': 'mitt-id-123' } });
      expect(own.headers.get('x-request-id')).toBe('mitt-id-123');
      expect(headersOf(own), path).toEqual(headersOf(miss));
    }
  });

  it('answers a shared read (the steering overview) the same way for everyone allowed it, and to no one else', async () => {
    const fresh = createApi({
      db: database.db,
      databaseKind: database.kind,
      searchKind: 'postgres',
      logger: pino({ level: 'silent' }),
      config: { production: false, publicUrl: 'http://localhost:3000', devMailbox: true },
      publicCache: new PublicReadCache({
        readGeneration: () => getPublicDataGeneration(database.db),
        checkIntervalMs,
      }),
      sessionCache: new SessionCache({ ttlMs: 60_000 }),
    });
    const path = '/api/steering/overview';
    const headersOf = (res: Response) => {
      const all = Object.fromEntries(res.headers);
      delete all['x-request-id'];
      return all;
    };
    // The first request checks the session down the chain; the next is answered by the fast path
    // (a caller whose session was just checked); one with its own request id goes down the chain.
    const chain = await fresh.request(path, { headers: { cookie: steeringCookie } });
    expect(chain.status).toBe(200);
    const fast = await fresh.request(path, { headers: { cookie: steeringCookie } });
    const forcedChain = await fresh.request(path, {
      headers: { cookie: steeringCookie, 'X-Request-Id': 'mitt-id-123' },
    });
    const body = await chain.text();
    expect(await fast.text()).toBe(body);
    expect(await forcedChain.text()).toBe(body);
    expect(headersOf(fast)).toEqual(headersOf(chain));
    expect(headersOf(forcedChain)).toEqual(headersOf(chain));
    expect(fast.headers.get('cache-control')).toBe('no-store');
    expect(JSON.parse(body).overview.areas).toHaveLength(6);
    // An admin (also allowed) twice: the same bytes.
    for (let round = 0; round < 2; round++) {
      expect(await (await fresh.request(path, { headers: { cookie: adminCookie } })).text()).toBe(body);
    }
    // Staff, twice (the second with their session in the cache), and nobody: refused.
    for (let round = 0; round < 2; round++) {
      const staff = await fresh.request(path, { headers: { cookie: staffCookie } });
      expect(staff.status).toBe(403);
      expect(await staff.text()).not.toContain('overview');
    }
    expect((await fresh.request(path)).status).toBe(401);
    expect(
      (await fresh.request(path, { headers: { cookie: `${sessionCookieName(false)}=forfalsket` } })).status,
    ).toBe(401);
  });

  it('never shows a second user or anonymous anything of the user who warmed it', async () => {
    const fresh = apiOn(database.db, database.kind);
    const staff = await fresh.request('/api/me', { headers: { cookie: staffCookie } });
    const staffUser = ((await staff.json()) as { user: { id: string; email: string; displayName: string } })
      .user;
    // Warmed by a signed-in staff member…
    const warmed = new Map<string, string>();
    for (const path of publicPaths) {
      const res = await fresh.request(path, { headers: { cookie: staffCookie } });
      expect(res.status).toBe(200);
      warmed.set(path, await res.text());
    }
    // …then read by a volunteer and by nobody: the same public answer, nothing of the staff member.
    for (const cookie of [volunteerCookie, undefined]) {
      for (const path of publicPaths) {
        const res = await fresh.request(path, cookie ? { headers: { cookie } } : {});
        const body = await res.text();
        expect(body).toBe(warmed.get(path));
        for (const secret of [
          staffUser.id,
          staffUser.email,
          staffUser.displayName,
          staffCookie.split('=')[1],
        ]) {
          expect(body).not.toContain(secret);
        }
        expect(res.headers.get('Set-Cookie')).toBeNull();
      }
    }
    // What depends on the caller is never cached: each gets their own, anonymous gets 401.
    const volunteer = await fresh.request('/api/me', { headers: { cookie: volunteerCookie } });
    expect(((await volunteer.json()) as { user: { email: string } }).user.email).toBe(
      'frivillig@brobygger.test',
    );
    expect((await fresh.request('/api/me')).status).toBe(401);
    expect((await fresh.request('/api/admin/users')).status).toBe(401);
    expect((await fresh.request('/api/admin/users', { headers: { cookie: volunteerCookie } })).status).toBe(
      403,
    );
  });

  it('caches only the policy reads, never what depends on who asks', () => {
    for (const path of publicPaths) expect(isPublicRead(path.split('?')[0] ?? ''), path).toBe(true);
    for (const path of [
      '/api/me',
      '/api/me/sessions',
      '/api/me/export',
      '/api/admin/users',
      '/api/admin/audit-log',
      '/api/admin/dev-mailbox',
      '/api/health',
      '/api/openapi.json',
      '/api/focus-areas/kvinder/status-reports',
      '/api/events',
      '/api/events/1',
      '/api/me/events',
    ]) {
      expect(isPublicRead(path), path).toBe(false);
    }
  });

  it('keeps 4xx answers 4xx, uncached, and never answers them 304', async () => {
    for (let round = 0; round < 2; round++) {
      const missing = await api.request('/api/focus-areas/findes-ikke', {
        headers: { 'If-None-Match': '*' },
      });
      expect(missing.status).toBe(404);
      expect(missing.headers.get('ETag')).toBeNull();
      expect((await api.request('/api/initiatives?focusArea=findes-ikke')).status).toBe(404);
      const bad = await api.request('/api/focus-areas/IKKE%20EN%20SLUG');
      expect(bad.status).toBe(400);
      expect(
        (await api.request('/api/focus-areas', { method: 'POST', headers: { origin: 'http://localhost' } }))
          .status,
      ).toBeGreaterThanOrEqual(400);
    }
    expect((await api.request('/api/focus-areas/findes-ikke')).status).toBe(404);
  });

  it('sees a write at once after invalidate(), and within the check interval without it', async () => {
    const cache = new PublicReadCache({
      readGeneration: () => getPublicDataGeneration(database.db),
      checkIntervalMs: 60_000,
    });
    const local = createApi({ ...depsOf(database), publicCache: cache });
    const name = async () =>
      ((await (await local.request('/api/focus-areas/kvinder')).json()) as { focusArea: { name: string } })
        .focusArea.name;
    const before = await name();
    await database.db
      .updateTable('focus_areas')
      .set({ name: `${before} (ændret)` })
      .where('slug', '=', 'kvinder')
      .execute();
    // This cache would trust itself for a minute; its own process tells it of the write.
    cache.invalidate();
    expect(await name()).toBe(`${before} (ændret)`);

    // Another API instance with the default-style interval sees it once the interval has passed
    // (it may still trust what it held from an earlier test for up to one interval).
    await sleep(checkIntervalMs * 3);
    const changed = await api.request('/api/focus-areas/kvinder');
    const etagBefore = changed.headers.get('ETag');
    expect(((await changed.json()) as { focusArea: { name: string } }).focusArea.name).toBe(
      `${before} (ændret)`,
    );
    await database.db
      .updateTable('focus_areas')
      .set({ name: before })
      .where('slug', '=', 'kvinder')
      .execute();
    await sleep(checkIntervalMs * 3);
    const after = await api.request('/api/focus-areas/kvinder', {
      headers: { 'If-None-Match': etagBefore ?? '' },
    });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { focusArea: { name: string } }).focusArea.name).toBe(before);
  });
});

function depsOf(database: Awaited<ReturnType<typeof openTestDatabase>>) {
  return {
    db: database.db,
    databaseKind: database.kind,
    searchKind: 'postgres' as const,
    logger: pino({ level: 'silent' }),
    config: { production: false, publicUrl: 'http://localhost:3000', devMailbox: true },
  };
}

describe.runIf(testDatabaseKinds().includes('postgres'))('two API processes on one PostgreSQL', () => {
  let first: Awaited<ReturnType<typeof openTestDatabase>>;
  let second: Awaited<ReturnType<typeof openDatabase>>;

  beforeAll(async () => {
    first = await openTestDatabase('postgres');
    await seedPolicy(first.db);
    // Its own pool and its own cache: nothing shared in memory, only the database.
    second = await openDatabase({
      databaseUrl: process.env.DATABASE_URL,
      schema: first.schema,
      maxConnections: 2,
    });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('a write through one is seen by the other within the check interval', async () => {
    const a = apiOn(first.db, 'postgres');
    const b = apiOn(second.db, 'postgres');
    const read = async (api: typeof a) =>
      (
        (await (await api.request('/api/focus-areas')).json()) as {
          focusAreas: { slug: string; name: string }[];
        }
      ).focusAreas.find((area) => area.slug === 'kvinder')?.name;
    const original = await read(b);
    expect(await read(a)).toBe(original);
    // Process a writes (here straight through its pool, as a use case would) …
    await first.db
      .updateTable('focus_areas')
      .set({ name: 'Kvinder (ny)' })
      .where('slug', '=', 'kvinder')
      .execute();
    // … and b, whose cache is warm, sees it once its interval has passed.
    await sleep(checkIntervalMs * 3);
    expect(await read(b)).toBe('Kvinder (ny)');
    await second.db
      .updateTable('focus_areas')
      .set({ name: original ?? '' })
      .where('slug', '=', 'kvinder')
      .execute();
    await sleep(checkIntervalMs * 3);
    expect(await read(a)).toBe(original);
  });
});
