import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FolderFileStore, isFileKey } from './store.ts';

describe('the folder file store: copying in, local paths and listing', () => {
  const folder = mkdtempSync(join(tmpdir(), 'store-test-'));
  const store = new FolderFileStore(join(folder, 'files'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('copies a local file in under a generated key and leaves the original', async () => {
    const source = join(folder, 'Ansøgning (endelig).pdf');
    writeFileSync(source, '%PDF-1.4 indhold');
    const { key, size } = await store.putFile(source, { extension: 'pdf' });
    expect(isFileKey(key)).toBe(true);
    expect(size).toBe(16);
    const path = store.localPath(key) as string;
    expect(path).toBe(join(folder, 'files', key.slice(0, 2), key));
    expect(readFileSync(path, 'utf8')).toBe('%PDF-1.4 indhold');
    expect(readFileSync(source, 'utf8')).toBe('%PDF-1.4 indhold');
    await expect(store.putFile(source, { extension: '../x' })).rejects.toThrow('bad extension');
    await expect(store.putFile(join(folder, 'findes-ikke'), { extension: 'pdf' })).rejects.toThrow(/ENOENT/);
  });

  it('gives no path for anything but a generated key', () => {
    expect(store.localPath('../../etc/passwd')).toBeUndefined();
    expect(store.localPath('noter.txt')).toBeUndefined();
  });

  it('lists only the files it wrote, each with the time it was written', async () => {
    const fresh = new FolderFileStore(join(folder, 'listed'));
    const list = async () => {
      const found: { key: string; writtenAt: Date }[] = [];
      for await (const entry of fresh.list()) found.push(entry);
      return found.sort((a, b) => a.key.localeCompare(b.key));
    };
    expect(await list()).toEqual([]); // no folder yet
    const source = join(folder, 'a.pdf');
    writeFileSync(source, 'x');
    const a = await fresh.putFile(source, { extension: 'pdf' });
    const b = await fresh.putFile(source, { extension: 'png' });
    const old = new Date('2026-01-01T00:00:00Z');
    utimesSync(fresh.localPath(a.key) as string, old, old);
    // Not the store's: a foreign name, a key in the wrong folder, a folder named like a key.
    mkdirSync(join(fresh.root, 'zz'));
    writeFileSync(join(fresh.root, 'zz', 'noter.txt'), 'x');
    const misplaced = `${b.key.startsWith('00') ? '11' : '00'}${b.key.slice(2)}`;
    writeFileSync(join(fresh.root, b.key.slice(0, 2), misplaced), 'x');
    mkdirSync(join(fresh.root, a.key.slice(0, 2), `${a.key.slice(0, -4)}.gif`));
    const found = await list();
    expect(found.map((entry) => entry.key)).toEqual([a.key, b.key].sort());
    expect(found.find((entry) => entry.key === a.key)?.writtenAt).toEqual(old);
    expect(found.find((entry) => entry.key === b.key)?.writtenAt.getTime()).toBeGreaterThan(old.getTime());
  });
});
