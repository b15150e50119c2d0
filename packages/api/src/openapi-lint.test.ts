import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, readJson } from './test-support.ts';

const run = promisify(execFile);
const repoRoot = join(import.meta.dirname, '..', '..', '..');
const redocly = join(import.meta.dirname, '..', 'node_modules', '.bin', 'redocly');

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; message: string; location: { pointer?: string }[] }[];
}

/** Runs `redocly lint` (recommended rules, redocly.yaml at the root) offline on one file. */
async function lint(file: string): Promise<LintReport> {
  const env = {
    ...process.env,
    // No telemetry and no update check: the lint runs offline.
    REDOCLY_TELEMETRY: 'off',
    REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    NO_UPDATE_NOTIFIER: '1',
  };
  const args = ['lint', file, '--config', join(repoRoot, 'redocly.yaml'), '--format', 'json'];
  try {
    const { stdout } = await run(redocly, args, { env, cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
    return JSON.parse(stdout) as LintReport;
  } catch (error) {
    // A lint with errors exits 1 and still prints its report.
    const failed = error as { stdout?: string; stderr?: string };
    if (failed.stdout?.trim().startsWith('{')) return JSON.parse(failed.stdout) as LintReport;
    throw new Error(`redocly lint did not run: ${failed.stderr ?? String(error)}`);
  }
}

describe('the OpenAPI document under `redocly lint` (recommended rules)', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let dir: string;
  let document: {
    components: { securitySchemes: Record<string, { type: string }> };
    paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>>;
  };

  beforeAll(async () => {
    api = await createTestApi('pglite');
    document = await readJson(await api.app.request('/api/openapi.json'));
    dir = mkdtempSync(join(tmpdir(), 'brobygger-openapi-'));
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes with no error, no warning and nothing ignored', async () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const report = await lint(file);
    const problems = report.problems.map(
      (problem) => `${problem.ruleId}: ${problem.message} (${problem.location[0]?.pointer ?? ''})`,
    );
    expect(problems).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  }, 60_000);

  it('fails on a document that breaks the rules, so the check can fail', async () => {
    const broken = structuredClone(document);
    const [path, operations] = Object.entries(broken.paths)[0] ?? [];
    const operation = Object.values(operations ?? {})[0];
    if (!path || !operation) throw new Error('no operation');
    delete operation.operationId;
    delete operation.security;
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const report = await lint(file);
    expect(report.totals.errors).toBeGreaterThan(0);
    expect(report.problems.map((problem) => problem.ruleId)).toEqual(
      expect.arrayContaining(['security-defined', 'operation-operationId']),
    );
  }, 60_000);

  it('names both ways to sign in, and every operation says which it needs', () => {
    expect(document.components.securitySchemes).toMatchObject({
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'brobygger_session' },
      bearerToken: { type: 'http', scheme: 'bearer' },
    });
    const ids = new Set<string>();
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
        expect(ids.has(operation.operationId ?? '')).toBe(false);
        ids.add(operation.operationId ?? '');
        expect(Array.isArray(operation.security), `${method} ${path}`).toBe(true);
      }
    }
    expect(document.paths['/api/me']?.get?.security).toEqual([{ sessionCookie: [] }, { bearerToken: [] }]);
    expect(document.paths['/api/focus-areas']?.get?.security).toEqual([]);
  });
});
