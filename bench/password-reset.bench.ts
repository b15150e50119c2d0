/**
 * Does a password-reset request take as long for a registered email as for an unknown one?
 * (Issue 8: it took 10.1 ms against 6.8 ms, so the timing told which emails have accounts.)
 *
 *   pnpm --filter @brobygger/bench run bench:password-reset
 *   DATABASE_URL=postgres://… pnpm --filter @brobygger/bench run bench:password-reset
 *
 * Requests alternate between a registered and an unknown address, each from its own IP and to its
 * own address (so no throttle answers 429), through the whole API via app.request(). Two runs:
 * "settled" waits for the work done after the answer (the link and the mail) before the next
 * request; "back to back" does not, as an attacker timing one request after another would.
 */
import { createApi, settleAfterResponse } from '@brobygger/api';
import { hashPassword } from '@brobygger/auth';
import { createUser, seedPolicy } from '@brobygger/db';
import { openTestDatabase } from '@brobygger/db/testing';
import pino from 'pino';

const rounds = Number(process.env.BENCH_RESETS ?? 200);

const database = await openTestDatabase(process.env.DATABASE_URL ? 'postgres' : 'pglite');
await seedPolicy(database.db);
const passwordHash = await hashPassword('brobygger-bench');
const deps = {
  db: database.db,
  databaseKind: database.kind,
  searchKind: 'postgres' as const,
  logger: pino({ level: 'silent' }),
  config: { production: false, publicUrl: 'http://localhost:3000', devMailbox: true },
  clientIp: (c: { req: { header(name: string): string | undefined } }) =>
    c.req.header('x-forwarded-for') ?? null,
};
const app = createApi(deps);

let counter = 0;
async function ask(email: string): Promise<number> {
  counter++;
  const start = performance.now();
  const res = await app.request('/api/auth/password-reset', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: 'http://localhost',
      'x-forwarded-for': `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`,
    },
    body: JSON.stringify({ email }),
  });
  await res.arrayBuffer();
  const took = performance.now() - start;
  if (res.status !== 202) throw new Error(`password reset answered ${res.status}`);
  return took;
}

const quartiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
  return `median ${at(0.5).toFixed(2)} ms (quartiles ${at(0.25).toFixed(2)}–${at(0.75).toFixed(2)} ms)`;
};

async function run(label: string, settle: boolean) {
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const email = `reset-${label.replace(/\W/g, '')}-${i}@example.dk`;
    await createUser(database.db, { email, passwordHash, displayName: 'Bench', emailVerified: true });
    if (settle) await settleAfterResponse(deps);
    known.push(await ask(email));
    if (settle) await settleAfterResponse(deps);
    unknown.push(await ask(`nobody-${label.replace(/\W/g, '')}-${i}@example.dk`));
  }
  await settleAfterResponse(deps);
  console.log(`${label}: registered ${quartiles(known)}; unknown ${quartiles(unknown)} (n=${rounds} each)`);
}

console.log(`database: ${database.kind}`);
await run('warm-up', true);
await run('settled', true);
await run('back to back', false);
await database.close();
