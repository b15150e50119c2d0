/**
 * Events and sign-up (issue 9), two parts in one run:
 *
 *   pnpm bench -- events                                # PGlite
 *   DATABASE_URL=postgres://… pnpm bench -- events      # PGlite, then PostgreSQL
 *
 * 1. Sign-ups per second one process sustains, through the whole API (app.request(): session,
 *    validation, the event row lock, counting, insert, mail to the outbox, audit), with
 *    BENCH_SIGNUP_CONCURRENCY (32) in flight: BENCH_SIGNUPS (2000) members at one event with 50
 *    seats (every sign-up waits for the same row lock), then the same spread over 20 events.
 *    After each, the counts are checked: exactly min(capacity, sign-ups) confirmed, the rest
 *    waitlisted 1…n in arrival order, nobody twice. Any overbooking fails the bench.
 * 2. `GET /api/events` (100 upcoming events, default filters) and `/arrangementer` on the compiled
 *    portal server, as a ratio of a bare node:http server measured in the same run (the method of
 *    read.bench.ts, issue 6's targets). The database is PostgreSQL when DATABASE_URL is set.
 */
import { createApi } from '@brobygger/api';
import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { type DatabaseKind, findUserByEmail, seedPolicy } from '@brobygger/db';
import { openTestDatabase } from '@brobygger/db/testing';
import pino from 'pino';
import {
  bareRpsOf,
  connections,
  databaseUrl,
  kind,
  load,
  type Measurement,
  machine,
  maxP99Ms,
  measure,
  report,
  seconds,
  signIn,
  startServers,
  targets,
  warmupSeconds,
} from './against-bare.ts';

const signUps = Number(process.env.BENCH_SIGNUPS ?? 2000);
const inFlight = Number(process.env.BENCH_SIGNUP_CONCURRENCY ?? 32);

console.log(machine());
console.log(`load average (1, 5, 15 min) at the start: ${load()}`);
let failed = false;

// ── 1. Sign-ups per second ─────────────────────────────────────────────────────────────────────

async function signUpThroughput(kind: DatabaseKind) {
  const database = await openTestDatabase(kind);
  try {
    await seedPolicy(database.db);
    await seedDemoAccounts(database.db);
    const app = createApi({
      db: database.db,
      databaseKind: database.kind,
      searchKind: 'postgres',
      logger: pino({ level: 'silent' }),
      config: { production: false, publicUrl: 'http://localhost:3000', devMailbox: false },
    });
    const staff = await findUserByEmail(database.db, 'medarbejder@brobygger.test');
    const staffToken = (await createSession(database.db, staff?.id as string)).token;
    const type = await database.db
      .selectFrom('event_types')
      .select('id')
      .where('slug', '=', 'activity')
      .executeTakeFirstOrThrow();
    const createEvent = async (capacity: number) => {
      const start = new Date(Date.now() + 7 * 86_400_000);
      const res = await app.request('/api/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${staffToken}` },
        body: JSON.stringify({
          typeId: type.id,
          title: 'Bench',
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
          address: 'Adelgade 44',
          organiserName: 'Bench',
          capacity,
          status: 'published',
        }),
      });
      if (res.status !== 201) throw new Error(`create answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { event: { id: number } }).event.id;
    };
    // The members: rows and sessions made directly (their cost is not the point).
    const users = await database.db
      .insertInto('users')
      .values(
        Array.from({ length: signUps }, (_, i) => ({
          email: `bench${i}@example.dk`,
          password_hash: 'x',
          display_name: `Bench ${i}`,
        })),
      )
      .returning('id')
      .execute();
    const tokens: string[] = [];
    for (const user of users) tokens.push((await createSession(database.db, user.id)).token);

    async function run(label: string, eventIds: number[], capacity: number) {
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (next < tokens.length) {
            const i = next++;
            const eventId = eventIds[i % eventIds.length] as number;
            const res = await app.request(`/api/events/${eventId}/registrations`, {
              method: 'POST',
              headers: { authorization: `Bearer ${tokens[i]}` },
            });
            if (res.status !== 201) throw new Error(`sign-up answered ${res.status}: ${await res.text()}`);
            await res.arrayBuffer();
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      // No overbooking: check every event.
      const problems: string[] = [];
      for (const eventId of eventIds) {
        const rows = await database.db
          .selectFrom('event_registrations')
          .select(['user_id', 'status', 'queue_seq'])
          .where('event_id', '=', eventId)
          .orderBy('queue_seq')
          .execute();
        const confirmed = rows.filter((row) => row.status === 'confirmed');
        const waitlisted = rows.filter((row) => row.status === 'waitlisted');
        const expected = Math.min(capacity, rows.length);
        if (confirmed.length !== expected)
          problems.push(`event ${eventId}: ${confirmed.length} confirmed, expected ${expected}`);
        if (new Set(rows.map((row) => row.user_id)).size !== rows.length)
          problems.push(`event ${eventId}: duplicates`);
        const lastConfirmed = Math.max(...confirmed.map((row) => Number(row.queue_seq)));
        if (waitlisted.some((row) => Number(row.queue_seq) < lastConfirmed))
          problems.push(`event ${eventId}: out of order`);
      }
      const total = await database.db
        .selectFrom('event_registrations')
        .select(database.db.fn.countAll().as('n'))
        .where('event_id', 'in', eventIds)
        .executeTakeFirstOrThrow();
      if (Number(total.n) !== tokens.length)
        problems.push(`${total.n} registrations for ${tokens.length} sign-ups`);
      if (problems.length > 0) failed = true;
      console.log(
        `| ${kind.padEnd(8)} | ${label.padEnd(28)} | ${String(tokens.length).padStart(6)} | ${(tokens.length / elapsed).toFixed(0).padStart(9)} | ${problems.length === 0 ? 'none (checked)' : `FAIL: ${problems.slice(0, 3).join('; ')}`} |`,
      );
    }

    await run('one event, 50 seats', [await createEvent(50)], 50);
    // The same members again, spread over 20 fresh events.
    const spread: number[] = [];
    for (let i = 0; i < 20; i++) spread.push(await createEvent(50));
    await run('20 events, 50 seats each', spread, 50);
  } finally {
    await database.close();
  }
}

console.log(`\nsign-ups through the API in one process, ${inFlight} in flight:\n`);
console.log('| database | events                       | sign-ups | sign-ups/s | overbooking |');
console.log('| -------- | ---------------------------- | ------ | --------- | ----------- |');
await signUpThroughput('pglite');
if (databaseUrl) await signUpThroughput('postgres');

// ── 2. The list, against bare node:http ────────────────────────────────────────────────────────

const { base, bareUrl, stop } = await startServers();

// 100 upcoming events, made by the demo staff member through the API.
const { token } = await signIn(base, 'medarbejder@brobygger.test');
const types = (await (await fetch(`${base}/api/event-types`)).json()) as { eventTypes: { id: number }[] };
const upcoming = (await (await fetch(`${base}/api/events`)).json()) as { total: number };
for (let i = upcoming.total; i < 100; i++) {
  const start = new Date(Date.now() + (2 + i) * 86_400_000);
  const res = await fetch(`${base}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      typeId: types.eventTypes[i % types.eventTypes.length]?.id,
      title: `Sprogcafé nr. ${i + 1}`,
      description: 'Kom og **øv dansk** over en kop kaffe.',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
      address: 'Skanderborg Bibliotek, Grønnegade 1, 8660 Skanderborg',
      organiserName: 'Integrationsteamet',
      capacity: 20,
      languages: ['da', 'ar', 'uk'],
      focusAreas: ['viden-og-videndeling'],
      stepFree: true,
      status: 'published',
    }),
  });
  if (res.status !== 201) throw new Error(`creating event ${i} answered ${res.status}: ${await res.text()}`);
}
const listed = (await (await fetch(`${base}/api/events`)).json()) as { total: number };
if (listed.total < 100) throw new Error(`only ${listed.total} upcoming events`);

const results: Measurement[] = [
  await measure('bare node:http (before)', bareUrl, 'bare'),
  await measure('GET /api/events', `${base}/api/events`, 'api'),
  await measure('GET /arrangementer', `${base}/arrangementer`, 'page'),
  await measure('bare node:http (after)', bareUrl, 'bare'),
];
console.log(
  `\nthe list on ${kind}, ${listed.total} upcoming events; ${connections} connections, ${seconds} s per path after ${warmupSeconds} s warm-up; bare = ${Math.round(bareRpsOf(results))} req/s`,
);
console.log(
  `targets: API >= ${targets.api}, page >= ${targets.page} of bare; p99 < ${maxP99Ms} ms; 0 errors\n`,
);
if (report(results)) failed = true;
console.log(`load average (1, 5, 15 min) at the end: ${load()}`);
await stop();
process.exit(failed ? 1 : 0);
