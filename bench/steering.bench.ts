/**
 * The steering group's overview under load (issue 13): `GET /api/steering/overview` and the
 * `/styregruppe` page, signed in as the demo steering-group member, on the demo status reports,
 * beside a bare `node:http` hello-world measured in the same run — held to the read path's
 * targets (bench/read.bench.ts). Both are shared reads (ADR 0013): the overview is made once per
 * change of its data and answered to everyone `status:review` allows, and the page kept once for
 * them with each visitor's own account menu.
 *
 *   pnpm bench -- steering                              # embedded PGlite (a fresh data directory)
 *   DATABASE_URL=postgres://… pnpm bench -- steering    # PostgreSQL (seeds it like `pnpm start`)
 *
 * Each path gets a warm-up, then autocannon with 64 connections for 8 s (BENCH_CONNECTIONS,
 * BENCH_SECONDS, BENCH_WARMUP_SECONDS). Throughput is a ratio of the bare server's, so the
 * targets hold on any machine; p99 latency is absolute. Any non-2xx answer counts as an error.
 * Exits 1 when a target is missed. Only 127.0.0.1, ports BENCH_PORT (default 3220) and
 * BENCH_PORTAL_PORT (default BENCH_PORT + 1).
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
// The demo steering-group member's session cookie: the overview is theirs.
const { cookie } = await signIn(base, 'styregruppe@brobygger.test');

const loadBefore = load();
const results: Measurement[] = [await measure('bare node:http (before)', bareUrl, 'bare')];
for (const path of ['/api/steering/overview']) {
  results.push(await measure(`GET ${path} (signed in)`, base + path, 'api', { cookie }));
}
for (const path of ['/styregruppe']) {
  results.push(await measure(`GET ${path} (signed in)`, base + path, 'page', { cookie }));
}
results.push(await measure('bare node:http (after)', bareUrl, 'bare'));
const loadAfter = load();

console.log(machine());
console.log(
  `database: ${kind}; ${connections} connections, ${seconds} s per path after ${warmupSeconds} s warm-up; bare = ${Math.round(bareRpsOf(results))} req/s`,
);
console.log(`load average (1, 5, 15 min): before ${loadBefore}, after ${loadAfter}`);
console.log(
  `targets: API >= ${targets.api}, pages >= ${targets.page} of bare; p99 < ${maxP99Ms} ms; 0 errors; all signed in as the steering group`,
);
const failed = report(results);
console.log(failed ? 'steering overview: FAIL' : 'steering overview: PASS');

await stop();
process.exitCode = failed ? 1 : 0;
