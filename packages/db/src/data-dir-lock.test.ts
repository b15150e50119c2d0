import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirBusyError, lockDataDir } from './data-dir-lock.ts';

describe('lockDataDir', () => {
  it('refuses a directory that a live process holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brobygger-lock-'));
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      writeFileSync(join(dir, 'brobygger.pid'), String(holder.pid));
      expect(() => lockDataDir(dir)).toThrow(DataDirBusyError);
    } finally {
      holder.kill();
    }
  });

  it('takes over the lock of a process that has ended, and releases it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brobygger-lock-'));
    const ended = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => ended.on('exit', resolve));
    writeFileSync(join(dir, 'brobygger.pid'), String(ended.pid));
    const release = lockDataDir(dir);
    expect(existsSync(join(dir, 'brobygger.pid'))).toBe(true);
    release();
    expect(existsSync(join(dir, 'brobygger.pid'))).toBe(false);
  });
});
