import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where uploaded files live (issue 11). Callers only ever name a file by the key the store gave
 * it, so an S3-style store can take the folder's place without touching them (ADR 0018).
 */
export interface FileStore {
  /** Streams `source` into the store under a new generated key (never a name from a user). */
  put(source: Readable, options: { extension: string }): Promise<{ key: string; size: number }>;
  /** The stored file as a stream, with its size; undefined when there is no such file. */
  open(key: string): Promise<{ stream: Readable; size: number } | undefined>;
  /** Removes a file; a missing file is no error. */
  delete(key: string): Promise<void>;
}

/** Keys are `<uuid>.<ext>`: nothing else is accepted, so a key can never name a path. */
const keyPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]{1,5}$/;
export const isFileKey = (key: string) => keyPattern.test(key);

/** The default store: a folder (by default `DATA_DIR/files`), two levels of sub-folders by key. */
export class FolderFileStore implements FileStore {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    if (!isFileKey(key)) throw new Error('not a file key');
    return join(this.root, key.slice(0, 2), key);
  }

  async put(source: Readable, options: { extension: string }) {
    if (!/^[a-z0-9]{1,5}$/.test(options.extension)) throw new Error('bad extension');
    const key = `${randomUUID()}.${options.extension}`;
    const path = this.pathOf(key);
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
    try {
      await pipeline(source, createWriteStream(path, { flags: 'wx' }));
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return { key, size: (await stat(path)).size };
  }

  async open(key: string) {
    if (!isFileKey(key)) return undefined;
    const path = this.pathOf(key);
    try {
      const { size } = await stat(path);
      return { stream: createReadStream(path), size };
    } catch {
      return undefined;
    }
  }

  async delete(key: string) {
    if (!isFileKey(key)) return;
    await rm(this.pathOf(key), { force: true });
  }
}

/** The folder of a DATA_DIR (`memory://` data directories get a fresh temporary folder). */
export async function defaultFileStore(dataDir: string | undefined): Promise<FolderFileStore> {
  if (!dataDir || dataDir.startsWith('memory://')) {
    return new FolderFileStore(await mkdtemp(join(tmpdir(), 'brobygger-files-')));
  }
  const root = join(dataDir, 'files');
  await mkdir(root, { recursive: true });
  return new FolderFileStore(root);
}

/** A store in a new temporary folder (tests, and an API built without one). */
export function temporaryFileStore(): FolderFileStore {
  return new FolderFileStore(mkdtempSync(join(tmpdir(), 'brobygger-files-')));
}
