/**
 * Page speed on a phone: Lighthouse (mobile profile, simulated throttling) on the public pages of
 * the built portal, against the targets of docs/benchmarks.md.
 *
 *   pnpm bench:lighthouse          # builds the portal first (turbo), then runs this
 *   BENCH_LIGHTHOUSE_RUNS=5 BENCH_PAGES=/,/log-ind pnpm bench:lighthouse
 *
 * Builds nothing itself: it starts the built portal (`apps/portal`, `pnpm run serve`, as
 * `pnpm start` does) on a free port with a fresh data directory, runs the Lighthouse CLI on each
 * page BENCH_LIGHTHOUSE_RUNS times (3), reports the median run by performance score, and exits
 * non-zero when a page misses a target. NODE_ENV is `production` unless set. Chromium comes from
 * CHROME_PATH, else /usr/bin/chromium when it exists, else whatever Lighthouse finds.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateToLatest, openDatabase, seedDemoEvents, seedPolicy } from '@brobygger/db';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoDir = join(benchDir, '..');
const portalDir = join(repoDir, 'apps', 'portal');
const lighthouseBin = join(benchDir, 'node_modules', '.bin', 'lighthouse');

const targets = { performance: 95, lcpMs: 2000, accessibility: 100, bestPractices: 100, seo: 100 };
const pages = (
  process.env.BENCH_PAGES ??
  [
    '/',
    '/fokusomraader',
    '/fokusomraader/kvinder',
    '/log-ind',
    '/tilgaengelighed',
    '/arrangementer',
    '/arrangementer/:event',
    '/foreninger',
    '/foreninger/venner-i-skanderborg',
    '/viden',
    '/forum',
    '/soeg?q=frivillige',
  ].join(',')
)
  .split(',')
  .map((page) => page.trim())
  .filter(Boolean);
const runs = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3));
const chromePath =
  process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

if (!existsSync(join(portalDir, 'build', 'server', 'index.js'))) {
  console.error('No portal build: run `pnpm build` (or `pnpm bench:lighthouse`, which builds first).');
  process.exit(2);
}

async function freePort(): Promise<number> {
  if (process.env.BENCH_PORT) return Number(process.env.BENCH_PORT);
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

const port = await freePort();
const origin = `http://localhost:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'brobygger-lighthouse-'));
// The demo events (production has no demo accounts, so they are put in before the portal starts),
// so that the event pages show what they show in use; `:event` in a page is the first one. The
// library and the forum are measured as a new installation has them: empty.
{
  const database = await openDatabase({ dataDir });
  await migrateToLatest(database.db, database.schema);
  await seedPolicy(database.db);
  await seedDemoEvents(database.db);
  // And one verified association, for its public profile (production seeds no demo association).
  await database.db
    .insertInto('associations')
    .values({ slug: 'venner-i-skanderborg', name: 'Venner i Skanderborg', verified_at: new Date() })
    .execute();
  const first = await database.db.selectFrom('events').select('id').orderBy('starts_at').executeTakeFirst();
  await database.close();
  for (const [index, page] of pages.entries()) pages[index] = page.replace(':event', String(first?.id ?? 0));
}
// Its own process group, so stopping it also stops what pnpm and tsx start beneath it.
const portal = spawn('pnpm', ['run', 'serve'], {
  cwd: portalDir,
  detached: true,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    LOG_LEVEL: 'warn',
  },
});

async function stopPortal() {
  if (portal.exitCode === null && portal.pid) {
    const exited = new Promise((resolve) => portal.once('exit', resolve));
    try {
      process.kill(-portal.pid, 'SIGTERM');
    } catch {}
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  rmSync(dataDir, { recursive: true, force: true });
}

async function waitForPortal() {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (portal.exitCode !== null) throw new Error(`the portal exited with ${portal.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the portal did not answer /api/health within 120 s');
}

interface LighthouseReport {
  lighthouseVersion: string;
  categories: Record<'performance' | 'accessibility' | 'best-practices' | 'seo', { score: number | null }>;
  audits: Record<
    string,
    { numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number }[] } }
  >;
}

function lighthouse(url: string): LighthouseReport {
  const output = join(dataDir, 'report.json');
  execFileSync(
    lighthouseBin,
    [
      url,
      '--output=json',
      `--output-path=${output}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless=new --no-sandbox',
      '--quiet',
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ...(chromePath ? { CHROME_PATH: chromePath } : {}) },
    },
  );
  return JSON.parse(readFileSync(output, 'utf8')) as LighthouseReport;
}

const score = (report: LighthouseReport, category: keyof LighthouseReport['categories']) =>
  Math.round((report.categories[category].score ?? 0) * 100);
const metric = (report: LighthouseReport, audit: string) => report.audits[audit]?.numericValue ?? Number.NaN;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const scriptBytes = (report: LighthouseReport) =>
  (report.audits['network-requests']?.details?.items ?? [])
    .filter((item) => item.resourceType === 'Script')
    .reduce((sum, item) => sum + (item.transferSize ?? 0), 0);

function git(...args: string[]) {
  try {
    return execFileSync('git', args, { cwd: repoDir, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

let failed = false;
try {
  await waitForPortal();
  const commit = `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' (with local changes)' : ''}`;
  console.log(
    `machine: ${availableParallelism()} cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}; ` +
      `load average ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')}`,
  );
  console.log(
    `commit ${commit}; portal NODE_ENV=${process.env.NODE_ENV ?? 'production'}; ${runs} run(s) a page, median by performance`,
  );
  console.log(
    `targets: performance >= ${targets.performance}, LCP <= ${targets.lcpMs / 1000} s, accessibility, best practices, SEO ${targets.seo}`,
  );
  console.log('');
  console.log(
    'page                     perf  LCP     FCP     TBT     bytes    script  a11y  BP   SEO  result',
  );

  for (const page of pages) {
    const reports: LighthouseReport[] = [];
    for (let run = 0; run < runs; run++) reports.push(lighthouse(`${origin}${page}`));
    reports.sort((a, b) => score(a, 'performance') - score(b, 'performance'));
    const median = reports[Math.floor(reports.length / 2)] as LighthouseReport;
    const performance = score(median, 'performance');
    const lcp = metric(median, 'largest-contentful-paint');
    const misses = [
      performance < targets.performance && `performance ${performance}`,
      !(lcp <= targets.lcpMs) && `LCP ${(lcp / 1000).toFixed(2)} s`,
      score(median, 'accessibility') < targets.accessibility && 'accessibility',
      score(median, 'best-practices') < targets.bestPractices && 'best practices',
      score(median, 'seo') < targets.seo && 'SEO',
    ].filter(Boolean);
    if (misses.length > 0) failed = true;
    console.log(
      [
        page.padEnd(24),
        String(performance).padEnd(5),
        `${(lcp / 1000).toFixed(2)} s`.padEnd(7),
        `${(metric(median, 'first-contentful-paint') / 1000).toFixed(2)} s`.padEnd(7),
        `${metric(median, 'total-blocking-time').toFixed(0)} ms`.padEnd(7),
        kib(metric(median, 'total-byte-weight')).padEnd(8),
        kib(scriptBytes(median)).padEnd(7),
        String(score(median, 'accessibility')).padEnd(5),
        String(score(median, 'best-practices')).padEnd(4),
        String(score(median, 'seo')).padEnd(4),
        misses.length === 0 ? 'PASS' : `FAIL (${misses.join(', ')})`,
      ].join(' '),
    );
    if (runs > 1) {
      console.log(
        `${''.padEnd(24)} all runs: performance ${reports.map((report) => score(report, 'performance')).join(', ')}; ` +
          `LCP ${reports.map((report) => (metric(report, 'largest-contentful-paint') / 1000).toFixed(2)).join(', ')} s`,
      );
    }
  }
  console.log('');
  console.log(failed ? 'FAIL: a page misses a target' : 'PASS: every page meets every target');
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await stopPortal();
}
process.exit(failed ? 1 : 0);
