import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cliPath = join(import.meta.dirname, 'cli.ts');

async function cli(dataDir: string, ...args: string[]) {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', cliPath, ...args], {
      env,
      // tsx is this package's dependency: resolve it from here, wherever vitest was started.
      cwd: join(import.meta.dirname, '..'),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('pnpm cli', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'brobygger-cli-'));

  it('migrates and seeds, and seeding twice changes nothing', async () => {
    expect((await cli(dataDir, 'db:migrate')).stdout).toMatch(/Applied: .*policy.*accounts/);
    expect((await cli(dataDir, 'db:migrate')).stdout).toContain('up to date');
    const seeded = await cli(dataDir, 'db:seed');
    expect(seeded.stdout).toContain('Seeded 6 focus areas, 6 strategy tracks and 20 initiatives.');
  });

  it('adds a user with a role and prints a single-use link to choose a password', async () => {
    const added = await cli(
      dataDir,
      'users:add',
      '--email',
      'Leder@Example.dk',
      '--role',
      'lead_owner',
      '--focus-area',
      'kvinder',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Created leder@example.dk.');
    expect(added.stdout).toMatch(/\/nulstil-adgangskode\?token=[a-z2-7]+\.[a-z2-7]+/);
    const again = await cli(
      dataDir,
      'users:add',
      '--email',
      'leder@example.dk',
      '--role',
      'lead_owner',
      '--focus-area',
      'kvinder',
    );
    expect(again.stdout).toContain('already has that role');
  });

  it('refuses bad input with exit code 2 and a message per option', async () => {
    const bad = await cli(dataDir, 'users:add', '--email', 'not-an-email', '--role', 'boss');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--email');
    expect(bad.stderr).toContain('--role');
    const unknown = await cli(dataDir, 'nonsense');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command: nonsense');
  });

  it('refuses a data directory that a running process holds', async () => {
    const held = mkdtempSync(join(tmpdir(), 'brobygger-held-'));
    writeFileSync(join(held, 'brobygger.pid'), String(process.pid));
    const res = await cli(held, 'db:migrate');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`in use by process ${process.pid}`);
  });
});
