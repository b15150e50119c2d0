import { randomUUID } from 'node:crypto';
import { constants, createReadStream, createWriteStream, mkdtempSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
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
  /**
   * Copies a file on this machine (an upload's temporary file) into the store under a new
   * generated key. The folder store has the kernel copy it, so no byte passes through the
   * server's memory; another store may stream it (`put(createReadStream(path))`).
   */
  putFile(path: string, options: { extension: string }): Promise<{ key: string; size: number }>;
  /** The stored file as a stream, with its size; undefined when there is no such file. */
  open(key: string): Promise<{ stream: Readable; size: number } | undefined>;
  /**
   * Where another process on this machine can read the stored file (the text extraction's child
   * process), or undefined for a store that keeps files elsewhere: callers then copy it out with
   * `open()` (files/local-file.ts). Says nothing about whether the file exists.
   */
  localPath(key: string): string | undefined;
  /** Removes a file; a missing file is no error. */
  delete(key: string): Promise<void>;
  /** Every stored key with the time it was written, in no particular order (the orphan sweep). */
  list(): AsyncIterable<{ key: string; writtenAt: Date }>;
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

  async putFile(path: string, options: { extension: string }) {
    if (!/^[a-z0-9]{1,5}$/.test(options.extension)) throw new Error('bad extension');
    const key = `${randomUUID()}.${options.extension}`;
    const target = this.pathOf(key);
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
    try {
      // copy_file_range/sendfile under libuv: the bytes go from file to file inside the kernel.
      await copyFile(path, target, constants.COPYFILE_EXCL);
    } catch (error) {
      await rm(target, { force: true });
      throw error;
    }
    return { key, size: (await stat(target)).size };
  }

  localPath(key: string) {
    return isFileKey(key) ? this.pathOf(key) : undefined;
  }

  async *list() {
    const folders = await readdir(this.root, { withFileTypes: true }).catch(() => []);
    for (const folder of folders) {
      if (!folder.isDirectory() || !/^[0-9a-f]{2}$/.test(folder.name)) continue;
      const names = await readdir(join(this.root, folder.name)).catch(() => []);
      for (const key of names) {
        // Only files of the store's own form, in the folder their key names; anything else is left alone.
        if (!isFileKey(key) || key.slice(0, 2) !== folder.name) continue;
        const info = await stat(join(this.root, folder.name, key)).catch(() => undefined);
        if (info?.isFile()) yield { key, writtenAt: info.mtime };
      }
    }
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
