/**
 * Search (issue 12) through HTTP: `GET /api/search` and the `/soeg` page, anonymous and signed in,
 * on the seeded policy and demo events, beside a bare `node:http` hello-world measured in the same
 * run — held to the read path's targets (bench/read.bench.ts). Answers depend on what the reader may
 * find (their search audience), so they and the pages made from them are kept a second per audience
 * (ADR 0013): the figures include the search made once a second and the answers between.
 * The engine's own scaling (10k and 100k documents) is `pnpm bench -- search`.
 *
 *   pnpm bench -- search-api                              # embedded PGlite (a fresh data directory)
 *   DATABASE_URL=postgres://… pnpm bench -- search-api    # PostgreSQL
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
// The index is filled by a job at start-up: wait until the policy is findable.
for (let tries = 0; tries < 100; tries++) {
  const body = (await (await fetch(`${base}/api/search?q=sundhed`)).json()) as { total: number };
  if (body.total > 0) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const { cookie } = await signIn(base, 'medarbejder@brobygger.test');

const loadBefore = load();
const results: Measurement[] = [await measure('bare node:http (before)', bareUrl, 'bare')];
results.push(await measure('GET /api/search?q=frivillige', `${base}/api/search?q=frivillige`, 'api'));
results.push(await measure('GET /api/search?q=aeldreomraadet', `${base}/api/search?q=aeldreomraadet`, 'api'));
results.push(
  await measure('GET /api/search?q=sundhed (signed in)', `${base}/api/search?q=sundhed`, 'api', { cookie }),
);
results.push(await measure('GET /soeg?q=frivillige', `${base}/soeg?q=frivillige`, 'page'));
results.push(await measure('GET /soeg?q=sundhed (signed in)', `${base}/soeg?q=sundhed`, 'page', { cookie }));
results.push(await measure('bare node:http (after)', bareUrl, 'bare'));
const loadAfter = load();

console.log(machine());
console.log(
  `database: ${kind}; ${connections} connections, ${seconds} s per path after ${warmupSeconds} s warm-up; bare = ${Math.round(bareRpsOf(results))} req/s`,
);
console.log(`load average (1, 5, 15 min): before ${loadBefore}, after ${loadAfter}`);
console.log(
  `targets: API >= ${targets.api}, pages >= ${targets.page} of bare; p99 < ${maxP99Ms} ms; 0 errors`,
);
const failed = report(results);
console.log(failed ? 'search over HTTP: FAIL' : 'search over HTTP: PASS');
await stop();
