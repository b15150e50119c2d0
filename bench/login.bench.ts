/**
 * How long a login takes and how many logins per second one process sustains.
 *
 *   pnpm bench                      # embedded PGlite (in memory)
 *   DATABASE_URL=postgres://… pnpm bench
 *
 * A login is dominated by Argon2id (m=19456 KiB, t=2, p=1). Requests go through the whole API
 * (validation, throttle check, audit log, session insert) via app.request(), without HTTP.
 */
import { availableParallelism, cpus } from 'node:os';
import { createApi } from '@brobygger/api';
import { hashPassword, seedDemoAccounts, verifyPassword } from '@brobygger/auth';
import { seedPolicy } from '@brobygger/db';
import { openTestDatabase } from '@brobygger/db/testing';
import pino from 'pino';

const sequentialLogins = Number(process.env.BENCH_LOGINS ?? 40);
const throughputSeconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const ms = (value: number) => `${value.toFixed(1)} ms`;

// A fresh database (in memory, or a throw-away schema on PostgreSQL, dropped at the end).
const database = await openTestDatabase(process.env.DATABASE_URL ? 'postgres' : 'pglite');
await seedPolicy(database.db);
await seedDemoAccounts(database.db);
const app = createApi({
  db: database.db,
  databaseKind: database.kind,
  searchKind: 'postgres',
  logger: pino({ level: 'silent' }),
  config: { production: false, publicUrl: 'http://localhost:3000', devMailbox: true },
});

const login = async () => {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost' },
    body: JSON.stringify({ email: 'frivillig@brobygger.test', password: 'brobygger-demo' }),
  });
  if (res.status !== 200) throw new Error(`login answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
};

// Argon2id alone.
const hash = await hashPassword('brobygger-demo');
const verifyTimes: number[] = [];
for (let i = 0; i < 20; i++) {
  const start = performance.now();
  await verifyPassword(hash, 'brobygger-demo');
  verifyTimes.push(performance.now() - start);
}
verifyTimes.sort((a, b) => a - b);

// One login at a time.
await login();
const loginTimes: number[] = [];
for (let i = 0; i < sequentialLogins; i++) {
  const start = performance.now();
  await login();
  loginTimes.push(performance.now() - start);
}
loginTimes.sort((a, b) => a - b);

// As many as possible, `concurrency` at a time, for a fixed time.
let completed = 0;
const deadline = performance.now() + throughputSeconds * 1000;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < deadline) {
      await login();
      completed++;
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;

console.log(
  `machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
);
console.log(`database: ${database.kind}`);
console.log(
  `argon2id verify: median ${ms(percentile(verifyTimes, 0.5))}, p95 ${ms(percentile(verifyTimes, 0.95))} (n=20)`,
);
console.log(
  `login (whole API path, sequential): median ${ms(percentile(loginTimes, 0.5))}, p95 ${ms(percentile(loginTimes, 0.95))} (n=${sequentialLogins})`,
);
console.log(
  `login throughput: ${(completed / elapsed).toFixed(1)} logins/s with ${concurrency} in flight over ${elapsed.toFixed(1)} s (${completed} logins)`,
);

await database.close();
