/**
 * The read path under load: the real portal server, compiled and started as `pnpm start` starts
 * it, beside a bare `node:http` hello-world measured in the same run (issue 6, "The server").
 *
 *   pnpm bench -- read                                  # embedded PGlite (a fresh data directory)
 *   DATABASE_URL=postgres://… pnpm bench -- read        # PostgreSQL (seeds it like `pnpm start`)
 *
 * The pages are asked for without compression, then one of them as a browser asks (brotli).
 * Each path gets a warm-up, then autocannon with 64 connections for 8 s (BENCH_CONNECTIONS,
 * BENCH_SECONDS, BENCH_WARMUP_SECONDS). Throughput is a ratio of the bare server's, so the
 * targets hold on any machine; p99 latency is absolute. Any non-2xx answer counts as an error.
 * Exits 1 when a target is missed. Only 127.0.0.1, ports BENCH_PORT (default 3220) and +1.
 */
import {
  bareRpsOf,
  connections,
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

const { base, bareUrl, stop } = await startServers();
// A demo account's session cookie, for the signed-in pages.
const { cookie } = await signIn(base, 'medarbejder@brobygger.test');

const loadBefore = load();
const results: Measurement[] = [await measure('bare node:http (before)', bareUrl, 'bare')];
const apiPaths = ['/api/focus-areas', '/api/focus-areas/kvinder', '/api/initiatives'];
const pagePaths = ['/', '/fokusomraader', '/fokusomraader/kvinder'];
for (const path of apiPaths) results.push(await measure(`GET ${path}`, base + path, 'api'));
for (const path of pagePaths) results.push(await measure(`GET ${path}`, base + path, 'page'));
for (const path of pagePaths) {
  results.push(await measure(`GET ${path} (signed in)`, base + path, 'page', { cookie }));
}
// As a browser asks (every browser accepts brotli): the page compressed, anonymous and signed in.
const browser = { 'accept-encoding': 'gzip, deflate, br' };
results.push(await measure('GET /fokusomraader (brotli)', `${base}/fokusomraader`, 'page', browser));
results.push(
  await measure('GET /fokusomraader (brotli, signed in)', `${base}/fokusomraader`, 'page', {
    ...browser,
    cookie,
  }),
);
results.push(await measure('bare node:http (after)', bareUrl, 'bare'));
const loadAfter = load();

console.log(machine());
console.log(
  `database: ${kind}; ${connections} connections, ${seconds} s per path after ${warmupSeconds} s warm-up; bare = ${Math.round(bareRpsOf(results))} req/s`,
);
console.log(`load average (1, 5, 15 min): before ${loadBefore}, after ${loadAfter}`);
console.log(
  `targets: API >= ${targets.api}, pages >= ${targets.page} of bare; p99 < ${maxP99Ms} ms; 0 errors; signed in >= half of anonymous`,
);
const failed = report(results, (result, all) => {
  if (!result.signedIn) return [];
  const anonymous = all.find((other) => other.name === result.name.replace(' (signed in)', ''));
  return anonymous && result.rps < anonymous.rps / 2 ? ['< half of anonymous'] : [];
});
console.log(failed ? 'read path: FAIL' : 'read path: PASS');

await stop();
process.exitCode = failed ? 1 : 0;
