/**
 * What the benchmarks that hold paths to issue 6's read-path figures share: the compiled portal
 * started as `pnpm start` starts it, a bare `node:http` hello-world beside it, autocannon runs
 * against both, and a table of each path's throughput as a ratio of the bare server's.
 *
 * Settings: BENCH_CONNECTIONS (64), BENCH_SECONDS (8), BENCH_WARMUP_SECONDS (2), BENCH_PORT
 * (3220, the bare server) and BENCH_PORTAL_PORT (BENCH_PORT + 1); DATABASE_URL for PostgreSQL,
 * else PGlite in a fresh data directory. Only 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
export const seconds = Number(process.env.BENCH_SECONDS ?? 8);
export const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const barePort = Number(process.env.BENCH_PORT ?? 3220);
const portalPort = Number(process.env.BENCH_PORTAL_PORT ?? barePort + 1);
export const databaseUrl = process.env.DATABASE_URL || undefined;
export const kind = databaseUrl ? 'postgres' : 'pglite';

/** Issue 6's targets: throughput as a ratio of bare node:http, by database; p99 in ms. */
export const targets = {
  postgres: { api: 0.25, page: 0.1 },
  pglite: { api: 0.15, page: 0.06 },
}[kind];
export const maxP99Ms = 100;

export const machine = () =>
  `machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;

export const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

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

export interface Servers {
  /** The portal's origin, e.g. http://127.0.0.1:3221 */
  base: string;
  bareUrl: string;
  /** Stops both servers and removes the PGlite data directory. */
  stop(): Promise<void>;
}

/** Starts the bare server and the compiled portal (as `pnpm start` runs it) and waits for both. */
export async function startServers(): Promise<Servers> {
  const repoDir = join(dirname(fileURLToPath(import.meta.url)), '..');
  const portalServer = join(repoDir, 'apps', 'portal', 'dist', 'server.js');
  if (!existsSync(portalServer)) {
    throw new Error(
      `No compiled portal at ${portalServer}: run \`pnpm --filter @brobygger/portal build\` first.`,
    );
  }
  const dataDir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'brobygger-bench-'));
  const children: ChildProcess[] = [];
  const cleanUp = () => {
    for (const child of children) child.kill('SIGTERM');
  };
  process.on('exit', cleanUp);
  process.on('SIGINT', () => process.exit(130));

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
  const bareUrl = `http://127.0.0.1:${barePort}/`;
  await waitFor(bareUrl, bare, 10_000);
  await waitFor(`${base}/api/health`, portal, 120_000);
  return {
    base,
    bareUrl,
    async stop() {
      cleanUp();
      if (portal.exitCode === null) await new Promise((resolve) => portal.once('exit', resolve));
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs a demo account in through the API: its session cookie (`name=value`) and token. */
export async function signIn(base: string, email: string): Promise<{ cookie: string; token: string }> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password: 'brobygger-demo' }),
  });
  const sessionCookie = login.headers.getSetCookie().find((cookie) => cookie.includes('session'));
  const { token } = (await login.json()) as { token?: string };
  if (login.status !== 200 || !sessionCookie || !token) {
    throw new Error(`signing in as a demo account answered ${login.status}; are demo accounts on?`);
  }
  return { cookie: sessionCookie.split(';')[0] ?? '', token };
}

export interface Measurement {
  name: string;
  kind: 'bare' | 'api' | 'page';
  signedIn: boolean;
  rps: number;
  /** Answers received in the measured run (any status). */
  answered: number;
  p99: number;
  errors: number;
}

/** A warm-up, then one measured autocannon run; any non-2xx answer counts as an error. */
export async function measure(
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

/**
 * Prints the table of `results` (bare runs included, averaged as the yardstick) with a verdict
 * per path against the targets, plus `moreProblems` a caller checks (e.g. signed in against
 * anonymous). Answers whether any path failed.
 */
export function report(
  results: Measurement[],
  moreProblems: (result: Measurement, all: Measurement[]) => string[] = () => [],
): boolean {
  const bareRps = bareRpsOf(results);
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
      problems.push(...moreProblems(result, results));
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
  const columns = Object.keys(rows[0] ?? {}) as (keyof (typeof rows)[number])[];
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(columns));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(columns.map((column) => String(row[column]))));
  return failed;
}

/** The bare server's throughput: the mean of its runs (before and after the paths). */
export function bareRpsOf(results: Measurement[]): number {
  const bareRuns = results.filter((result) => result.kind === 'bare');
  return bareRuns.reduce((sum, result) => sum + result.rps, 0) / bareRuns.length;
}
