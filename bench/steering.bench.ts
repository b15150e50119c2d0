/**
 * The steering group's overview under load (issue 13): `GET /api/steering/overview` and the
 * `/styregruppe` page, signed in as the demo steering-group member, on the demo status reports,
 * beside a bare `node:http` hello-world measured in the same run — held to the read path's
 * targets (bench/read.bench.ts). The overview is personal (no-store), so it is never cached:
 * these are its queries (four, whatever the number of areas and reports) every time.
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
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const barePort = Number(process.env.BENCH_PORT ?? 3220);
const portalPort = Number(process.env.BENCH_PORTAL_PORT ?? barePort + 1);
const databaseUrl = process.env.DATABASE_URL || undefined;
const kind = databaseUrl ? 'postgres' : 'pglite';

const repoDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const portalServer = join(repoDir, 'apps', 'portal', 'dist', 'server.js');
if (!existsSync(portalServer)) {
  throw new Error(
    `No compiled portal at ${portalServer}: run \`pnpm --filter @brobygger/portal build\` first.`,
  );
}

/** Issue 6's targets: throughput as a ratio of bare node:http, by database. */
const targets = {
  postgres: { api: 0.25, page: 0.1 },
  pglite: { api: 0.15, page: 0.06 },
}[kind];
const maxP99Ms = 100;

const children: ChildProcess[] = [];
const dataDir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'brobygger-bench-'));

function cleanUp() {
  for (const child of children) child.kill('SIGTERM');
}
process.on('exit', cleanUp);
process.on('SIGINT', () => process.exit(130));

async function waitFor(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

const bare = spawn(
  process.execPath,
  [
    '-e',
    `require('node:http').createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('hello world'); }).listen(${barePort}, '127.0.0.1');`,
  ],
  { stdio: 'ignore' },
);
children.push(bare);

// As `pnpm start` runs it: the compiled server, NODE_ENV as the caller set it, logs at info
// (written, like any log, but to nowhere here).
const portal = spawn(process.execPath, [portalServer], {
  cwd: join(repoDir, 'apps', 'portal'),
  env: {
    ...process.env,
    PORT: String(portalPort),
    DATABASE_URL: databaseUrl ?? '',
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
children.push(portal);

const base = `http://127.0.0.1:${portalPort}`;
await waitFor(`http://127.0.0.1:${barePort}/`, bare, 10_000);
await waitFor(`${base}/api/health`, portal, 120_000);

// The demo steering-group member's session cookie: the overview is theirs.
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: base },
  body: JSON.stringify({ email: 'styregruppe@brobygger.test', password: 'brobygger-demo' }),
});
const sessionCookie = login.headers.getSetCookie().find((cookie) => cookie.includes('session'));
if (login.status !== 200 || !sessionCookie) {
  throw new Error(`signing in as a demo account answered ${login.status}; are demo accounts on?`);
}
const cookie = sessionCookie.split(';')[0] ?? '';

interface Measurement {
  name: string;
  kind: 'bare' | 'api' | 'page';
  signedIn: boolean;
  rps: number;
  /** Answers received in the measured run (any status). */
  answered: number;
  p99: number;
  errors: number;
}

async function measure(
  name: string,
  url: string,
  pathKind: Measurement['kind'],
  headers: Record<string, string> = {},
): Promise<Measurement> {
  const run = (duration: number) =>
    autocannon({ url, connections, duration, headers, timeout: 10 }) as Promise<autocannon.Result>;
  if (warmupSeconds > 0) await run(warmupSeconds);
  const result = await run(seconds);
  return {
    name,
    kind: pathKind,
    signedIn: 'cookie' in headers,
    rps: result.requests.average,
    answered: result.requests.total,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
const loadBefore = load();
const bareUrl = `http://127.0.0.1:${barePort}/`;
const results: Measurement[] = [await measure('bare node:http (before)', bareUrl, 'bare')];
for (const path of ['/api/steering/overview']) {
  results.push(await measure(`GET ${path} (signed in)`, base + path, 'api', { cookie }));
}
for (const path of ['/styregruppe']) {
  results.push(await measure(`GET ${path} (signed in)`, base + path, 'page', { cookie }));
}
results.push(await measure('bare node:http (after)', bareUrl, 'bare'));
const loadAfter = load();

const bareRuns = results.filter((result) => result.kind === 'bare');
const bareRps = bareRuns.reduce((sum, result) => sum + result.rps, 0) / bareRuns.length;

let failed = false;
const rows = results.map((result) => {
  const ratio = result.rps / bareRps;
  const problems: string[] = [];
  if (result.kind !== 'bare') {
    const target = targets[result.kind];
    if (ratio < target) problems.push(`ratio < ${target}`);
    if (result.p99 >= maxP99Ms) problems.push(`p99 >= ${maxP99Ms} ms`);
    if (result.errors > 0) problems.push('errors');
    if (result.answered === 0) problems.push('no answer within the run');
  }
  if (problems.length > 0) failed = true;
  return {
    path: result.name,
    'req/s': Math.round(result.rps),
    ratio: result.kind === 'bare' ? '' : ratio.toFixed(3),
    answered: result.answered,
    'p99 ms': result.p99,
    errors: result.errors,
    verdict: result.kind === 'bare' ? '' : problems.length ? `FAIL (${problems.join(', ')})` : 'PASS',
  };
});

console.log(
  `machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
);
console.log(
  `database: ${kind}; ${connections} connections, ${seconds} s per path after ${warmupSeconds} s warm-up; bare = ${Math.round(bareRps)} req/s`,
);
console.log(`load average (1, 5, 15 min): before ${loadBefore}, after ${loadAfter}`);
console.log(
  `targets: API >= ${targets.api}, pages >= ${targets.page} of bare; p99 < ${maxP99Ms} ms; 0 errors; all signed in as the steering group`,
);
const columns = Object.keys(rows[0] ?? {}) as (keyof (typeof rows)[number])[];
const widths = columns.map((column) =>
  Math.max(column.length, ...rows.map((row) => String(row[column]).length)),
);
const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(line(columns));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line(columns.map((column) => String(row[column]))));
console.log(failed ? 'steering overview: FAIL' : 'steering overview: PASS');

cleanUp();
await new Promise((resolve) => portal.once('exit', resolve));
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
