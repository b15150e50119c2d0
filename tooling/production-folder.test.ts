import { type ChildProcess, execFile, fork, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The Dockerfile's build steps, run into a temporary folder (no Docker engine runs here), and the
// result started with plain `node`, as the image's CMD does.
// Asynchronous, so the test worker keeps answering Vitest while the build runs.
const run = promisify(execFile);
const repoDir = join(dirname(fileURLToPath(import.meta.url)), '..');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

describe('the production folder (the Docker image’s final stage)', () => {
  let out: string;
  let dataDir: string;
  let server: ChildProcess | undefined;
  let base: string;

  beforeAll(async () => {
    out = join(mkdtempSync(join(tmpdir(), 'brobygger-image-')), 'app');
    dataDir = mkdtempSync(join(tmpdir(), 'brobygger-image-data-'));
    // The same two steps as the Dockerfile's build stage (turbo's cache makes the first quick when built).
    await run(
      join(repoDir, 'node_modules', '.bin', 'turbo'),
      [
        'run',
        'build',
        '--filter=@brobygger/portal',
        '--filter=@brobygger/api-server',
        '--output-logs=errors-only',
      ],
      // Not as a test: the portal's Vite config leaves Remix out under Vitest.
      { cwd: repoDir, env: { ...process.env, VITEST: '' }, maxBuffer: 64 * 1024 * 1024 },
    );
    await run(process.execPath, ['tooling/production-folder.mjs', out], {
      cwd: repoDir,
      maxBuffer: 64 * 1024 * 1024,
    });

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // The image's environment: production, an empty data directory, nothing from this checkout.
    server = spawn(process.execPath, ['dist/server.js'], {
      cwd: out,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const deadline = Date.now() + 150_000;
    while (Date.now() < deadline) {
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
      try {
        if ((await fetch(`${base}/api/health`)).ok) return;
      } catch {}
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('the compiled server did not answer /api/health');
  }, 280_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      const killLater = setTimeout(() => server?.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killLater);
    }
    if (out) rmSync(dirname(out), { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('starts with plain node on an empty data directory and answers /api/health', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'pglite', search: 'postgres' });
    // Pages render from the compiled Remix build, with production security (HSTS).
    const page = await fetch(`${base}/fokusomraader/kvinder`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('</html>');
    expect(page.headers.get('Strict-Transport-Security')).toMatch(/^max-age=/);
  }, 60_000);

  it('holds only compiled code and production dependencies', () => {
    for (const file of ['dist/server.js', 'build/client', 'api/main.js', 'api/cli.js', 'node_modules/pg']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    for (const devOnly of [
      'tsx',
      'typescript',
      'vite',
      'vitest',
      'react',
      '@remix-run',
      '@brobygger',
      'esbuild',
    ]) {
      expect(existsSync(join(out, 'node_modules', devOnly)), devOnly).toBe(false);
    }
  });

  // The text extraction runs in a child process forked from `extract-text-child.js` beside the
  // bundle (ADR 0018). The servers refuse to start without it (so the health check above covers
  // its place); here the shipped copies read a PDF with only the folder's own node_modules.
  it('ships the text extraction child beside both servers, and it reads a PDF', async () => {
    const content = 'BT /F1 18 Tf 72 720 Td (Tolkebistand i Skanderborg) Tj ET';
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ];
    let pdf = '%PDF-1.4\n';
    const offsets = objects.map((object, index) => {
      const offset = pdf.length;
      pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
      return offset;
    });
    const xref = pdf.length;
    pdf += `xref\n0 6\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    pdf += `trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const path = join(dataDir, 'vejledning.pdf');
    writeFileSync(path, pdf, 'latin1');
    for (const entry of ['dist/extract-text-child.js', 'api/extract-text-child.js']) {
      const child = fork(join(out, entry), [], { cwd: out, env: {}, execArgv: [], stdio: 'pipe' });
      const reply = new Promise((resolve) => child.once('message', resolve));
      child.send({ path, contentType: 'application/pdf', maxChars: 1000 });
      expect(await reply, entry).toMatchObject({ ok: true, text: 'Tolkebistand i Skanderborg' });
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
    }
  }, 60_000);

  it('runs the operator CLI from the same folder', async () => {
    const { stdout, stderr } = await run(process.execPath, ['api/cli.js'], { cwd: out });
    expect(stdout + stderr).toContain('db:migrate');
  }, 60_000);
});
