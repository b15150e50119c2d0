/**
 * Knowledge (issue 11), two parts in one run:
 *
 *   pnpm bench -- knowledge                                # PGlite
 *   DATABASE_URL=postgres://… pnpm bench -- knowledge      # PostgreSQL for the read paths
 *
 * 1. The library's and the forum's list pages and API reads on the compiled portal with
 *    BENCH_RESOURCES (1000) resources and BENCH_POSTS (10000) forum posts, made through the API
 *    first, as a ratio of a bare node:http server measured in the same run (read.bench.ts's
 *    method and issue 6's targets).
 * 2. A BENCH_UPLOAD_MB (20) MB PDF uploaded through the API (createApi in this process, a
 *    PGlite database, the folder file store) from curl in another process, over a socket through
 *    @hono/node-server as in the portal, and its text extracted by the job runner (in the
 *    extraction's child process), while a worker thread samples this process's resident memory
 *    every 2 ms: the growth above the level before (after a GC, with the sampler already
 *    running) must stay under the file's size, for the upload and for the extraction. The
 *    child's own peak is printed beside it (from the job's log).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { createApi, createApiJobRunner, FolderFileStore } from '@brobygger/api';
import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail, seedPolicy } from '@brobygger/db';
import { openTestDatabase } from '@brobygger/db/testing';
import { serve } from '@hono/node-server';
import pino from 'pino';
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

const resourceCount = Number(process.env.BENCH_RESOURCES ?? 1000);
const postCount = Number(process.env.BENCH_POSTS ?? 10000);
const uploadMb = Number(process.env.BENCH_UPLOAD_MB ?? 20);

console.log(machine());
console.log(`load average (1, 5, 15 min) at the start: ${load()}`);
let failed = false;

/** Runs `work(i)` for i in [0, count) with `inFlight` at a time. */
async function pool(count: number, inFlight: number, work: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

// BENCH_PARTS: `reads`, `upload` or both (the default).
const parts = (process.env.BENCH_PARTS ?? 'reads,upload').split(',');

// ── 1. Lists and reads against bare node:http ──────────────────────────────────────────────────
if (parts.includes('reads')) {
  const { base, bareUrl, stop } = await startServers();
  const { token: staff } = await signIn(base, 'medarbejder@brobygger.test');
  const { token: volunteer } = await signIn(base, 'frivillig@brobygger.test');
  const post = async (path: string, token: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return res.json() as Promise<{ id?: number; resource?: { slug: string } }>;
  };
  const audiences = ['public', 'public', 'public', 'volunteers', 'associations', 'staff'];
  const areas = ['viden-og-videndeling', 'sundhed-og-trivsel', 'kvinder', 'unge-maend'];
  let started = performance.now();
  await pool(resourceCount, 8, async (i) => {
    await post('/api/resources', staff, {
      kind: ['guide', 'document', 'link', 'contact', 'template'][i % 5],
      title: `Vejledning nr. ${i + 1} om tolkning og sprog`,
      summary: 'Hvordan man bestiller tolk, og hvad det koster.',
      body: `## Baggrund\n\nRing til **tolkeservice** i god tid. Se også [[viden:vejledning-nr-${i}-om-tolkning-og-sprog]].\n\n- punkt 1\n- punkt 2`,
      audience: audiences[i % audiences.length],
      focusAreas: [areas[i % areas.length]],
      tags: [`emne-${i % 30}`, 'tolk'],
    });
  });
  console.log(`${resourceCount} resources made in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  // Threads of 20 posts each (the question and 19 answers), spread over the general category and
  // four focus areas.
  started = performance.now();
  const threadCount = Math.ceil(postCount / 20);
  const threadIds: number[] = [];
  await pool(threadCount, 8, async (i) => {
    const created = await post('/api/forum/threads', volunteer, {
      category: i % 5 === 0 ? 'generelt' : areas[i % areas.length],
      kind: i % 3 === 0 ? 'discussion' : 'question',
      title: `Spørgsmål nr. ${i + 1}: hvordan finder jeg en tolk?`,
      body: 'Jeg skal bruge en tolk til et møde. Hvem ringer jeg til?',
    });
    threadIds.push(created.id as number);
  });
  await pool(postCount - threadCount, 8, async (i) => {
    const threadId = threadIds[i % threadIds.length] as number;
    await post(`/api/forum/threads/${threadId}/posts`, i % 2 ? staff : volunteer, {
      body: `Svar nr. ${i + 1}: ring til **tolkeservice** og se [[viden:vejledning-nr-1-om-tolkning-og-sprog]].`,
    });
  });
  console.log(
    `${postCount} posts in ${threadCount} threads made in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  const thread = threadIds[0];

  const results: Measurement[] = [
    await measure('bare node:http (before)', bareUrl, 'bare'),
    await measure('GET /api/resources', `${base}/api/resources`, 'api'),
    await measure('GET /api/forum/categories', `${base}/api/forum/categories`, 'api'),
    await measure('GET /api/forum/categories/generelt', `${base}/api/forum/categories/generelt`, 'api'),
    await measure(
      `GET /api/forum/threads/${thread} (20 posts)`,
      `${base}/api/forum/threads/${thread}`,
      'api',
    ),
    await measure('GET /viden', `${base}/viden`, 'page'),
    await measure('GET /forum', `${base}/forum`, 'page'),
    await measure('GET /forum/generelt', `${base}/forum/generelt`, 'page'),
    await measure(`GET /forum/traad/${thread}`, `${base}/forum/traad/${thread}`, 'page'),
    await measure('bare node:http (after)', bareUrl, 'bare'),
  ];
  console.log(
    `\nknowledge on ${kind}, ${resourceCount} resources, ${postCount} posts; ${connections} connections, ${seconds} s per path after ${warmupSeconds} s warm-up; bare = ${Math.round(bareRpsOf(results))} req/s`,
  );
  console.log(
    `targets: API >= ${targets.api}, page >= ${targets.page} of bare; p99 < ${maxP99Ms} ms; 0 errors\n`,
  );
  if (report(results)) failed = true;
  await stop();
}

// ── 2. A 20 MB PDF: upload and extraction memory ───────────────────────────────────────────────

/** A PDF with one line of text and `padding` bytes in an unused stream. */
function pdfFile(path: string, text: string, padding: number) {
  const content = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const head = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  let size = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  const add = (chunk: Buffer) => {
    parts.push(chunk);
    size += chunk.length;
  };
  head.forEach((object, index) => {
    offsets.push(size);
    add(Buffer.from(`${index + 1} 0 obj\n${object}\nendobj\n`, 'latin1'));
  });
  offsets.push(size);
  add(Buffer.from(`6 0 obj\n<< /Length ${padding} >>\nstream\n`, 'latin1'));
  add(Buffer.alloc(padding, 0x25));
  add(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  const xref = size;
  let tail = `xref\n0 7\n0000000000 65535 f \n`;
  for (const offset of offsets) tail += `${String(offset).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  add(Buffer.from(tail, 'latin1'));
  writeFileSync(path, Buffer.concat(parts));
  return size;
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/**
 * Samples this process's RSS every 2 ms from a worker thread (it keeps sampling while the main
 * thread works). The worker's own isolate costs the process some 7 MB of RSS: it is started, and
 * running, before the level before a step is read, so that it is not counted as the step's growth.
 */
async function rssSampler() {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let max = process.memoryUsage.rss();
     const timer = setInterval(() => { max = Math.max(max, process.memoryUsage.rss()); }, 2);
     parentPort.on('message', (message) => {
       if (message === 'reset') max = process.memoryUsage.rss();
       else clearInterval(timer);
       parentPort.postMessage(max);
     });
     parentPort.postMessage('ready');`,
    { eval: true },
  );
  const ask = (message: string) =>
    new Promise<number>((resolve) => {
      worker.once('message', resolve);
      worker.postMessage(message);
    });
  await new Promise((resolve) => worker.once('message', resolve));
  return {
    /** The level now: GCs, then the RSS, from which the worker's peak starts again. */
    async before(): Promise<number> {
      await settle();
      const rss = process.memoryUsage.rss();
      await ask('reset');
      return rss;
    },
    async stop(): Promise<number> {
      const value = await ask('stop');
      await worker.terminate();
      return value;
    },
  };
}

if (parts.includes('upload')) {
  const folder = mkdtempSync(join(tmpdir(), 'brobygger-upload-bench-'));
  const database = await openTestDatabase('pglite');
  try {
    await seedPolicy(database.db);
    await seedDemoAccounts(database.db);
    const files = new FolderFileStore(join(folder, 'files'));
    const logger = pino({ level: 'silent' });
    // The job runner's log says how much memory the extraction's child process took (its own).
    const childPeaks: number[] = [];
    const runnerLogger = pino(
      { level: 'info' },
      {
        write(line: string) {
          const entry = JSON.parse(line) as { msg?: string; childPeakRssMb?: number };
          if (entry.msg === 'text extracted') childPeaks.push(entry.childPeakRssMb ?? 0);
        },
      },
    );
    const app = createApi({
      db: database.db,
      databaseKind: database.kind,
      searchKind: 'postgres',
      logger,
      config: { production: false, publicUrl: 'http://localhost:3000', devMailbox: true },
      files,
    });
    const runner = createApiJobRunner({ db: database.db, logger: runnerLogger, files });
    const user = await findUserByEmail(database.db, 'medarbejder@brobygger.test');
    const token = (await createSession(database.db, user?.id as string)).token;
    const created = await app.request('/api/resources', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ kind: 'document', title: 'Stor PDF', audience: 'public' }),
    });
    const slug = ((await created.json()) as { resource: { slug: string } }).resource.slug;
    const pdfPath = join(folder, 'stor.pdf');
    const fileSize = pdfFile(pdfPath, 'Tolkebistand i Skanderborg', uploadMb * 1024 * 1024 - 2048);

    const upload = (path: string) =>
      new Promise<string>((resolve) => {
        const child = spawn('curl', [
          '-s',
          '-o',
          '/dev/null',
          '-w',
          '%{http_code}',
          '-H',
          `authorization: Bearer ${token}`,
          '-H',
          `origin: http://127.0.0.1:${port}`,
          '-F',
          `file=@${path};type=application/pdf`,
          `http://127.0.0.1:${port}/api/resources/${slug}/attachments`,
        ]);
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += String(chunk);
        });
        child.once('exit', () => resolve(out));
      });
    // The upload comes from another process (curl), over a socket, through @hono/node-server as in
    // the portal: only the server's memory is measured.
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const port = (server.address() as AddressInfo).port;
    let sampler = await rssSampler();
    const before = await sampler.before();
    const status = await upload(pdfPath);
    const uploadPeak = await sampler.stop();
    server.close();
    if (status !== '201') throw new Error(`upload answered ${status}`);
    sampler = await rssSampler();
    const beforeExtraction = await sampler.before();
    await runner.drain();
    const extractionPeak = await sampler.stop();
    const text = await database.db
      .selectFrom('resource_attachments')
      .select('extracted_text')
      .executeTakeFirstOrThrow();
    const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
    const uploadGrowth = uploadPeak - before;
    const extractionGrowth = extractionPeak - beforeExtraction;
    await settle();
    const retained = process.memoryUsage.rss() - before;
    const textOk = text.extracted_text === 'Tolkebistand i Skanderborg';
    console.log(`\nafter both and a GC the process holds ${mb(retained)} MB more than before the upload`);
    console.log(
      `the extraction's child process (its own memory, returned when it exits) peaked at ${childPeaks.join(', ') || '?'} MB RSS`,
    );
    console.log(`\na ${mb(fileSize)} MB PDF through the API in this process (PGlite, folder store):\n`);
    console.log(
      '| step                       | RSS before (MB) | peak (MB) | growth (MB) | limit (MB) | verdict |',
    );
    console.log(
      '| -------------------------- | --------------- | --------- | ----------- | ---------- | ------- |',
    );
    for (const [step, start, peak, growth, extra] of [
      ['upload (stream to disk)', before, uploadPeak, uploadGrowth, ''],
      [
        'text extraction (child)',
        beforeExtraction,
        extractionPeak,
        extractionGrowth,
        textOk ? '' : ', text wrong',
      ],
    ] as const) {
      const pass = growth <= fileSize && extra === '';
      if (!pass) failed = true;
      console.log(
        `| ${step.padEnd(26)} | ${mb(start).padStart(15)} | ${mb(peak).padStart(9)} | ${mb(growth).padStart(11)} | ${mb(fileSize).padStart(10)} | ${pass ? 'PASS' : `FAIL${extra}`} |`,
      );
    }
  } finally {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
console.log(`load average (1, 5, 15 min) at the end: ${load()}`);
process.exit(failed ? 1 : 0);
