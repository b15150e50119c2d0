import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  closeSync,
  constants,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import {
  assertExtractionChildShipped,
  ExtractionError,
  extractTextChildPath,
  extractTextInChild,
  withLocalFile,
} from './extract-text.ts';
import { type FileStore, FolderFileStore } from './store.ts';
import { makeDocx, makeOdt, makePdf } from './test-files.ts';

const pdf = 'application/pdf';
const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const odt = 'application/vnd.oasis.opendocument.text';

/** How the text was extracted before, in the server's own process (the same parsers and cleaning). */
async function extractInProcess(contentType: string, bytes: Buffer): Promise<string> {
  let text: string;
  if (contentType === pdf) {
    const { extractText, getDocumentProxy } = await import('unpdf');
    const document = await getDocumentProxy(new Uint8Array(bytes));
    text = (await extractText(document, { mergePages: true })).text;
    await document.destroy();
  } else {
    const { parseOfficeAsync } = await import('officeparser');
    text = await parseOfficeAsync(bytes, { outputErrorToConsole: false });
  }
  return text.replaceAll(String.fromCharCode(0), '').replace(/\s+/g, ' ').trim();
}

const gone = (pid: number | undefined) => {
  try {
    process.kill(pid as number, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
};

/** Whether a process has ended (a zombie waiting for its parent to reap it has). */
const ended = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? true;
  } catch {
    return true;
  }
};
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
};

describe('text extraction in a child process', () => {
  const folder = mkdtempSync(join(tmpdir(), 'extract-test-'));
  const write = (name: string, data: Buffer) => {
    const path = join(folder, name);
    writeFileSync(path, data);
    return path;
  };
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reads PDF, docx and odt to the same text as the parsers did in the server process', async () => {
    const fixtures: [string, string, Buffer, string][] = [
      ['a.pdf', pdf, makePdf('Tolkebistand bestilles hos kommunen'), 'Tolkebistand bestilles hos kommunen'],
      ['b.pdf', pdf, makePdf('Kontakt (sprogcafe) \\ tirsdag'), 'Kontakt (sprogcafe) \\ tirsdag'],
      ['c.docx', docx, makeDocx('Velkomstbrev til nye borgere'), 'Velkomstbrev til nye borgere'],
      ['d.odt', odt, makeOdt('Referat af dialogmødet'), 'Referat af dialogmødet'],
      ['e.docx', docx, makeDocx('Afsnit  med   mellemrum', 3), 'Afsnit med mellemrum'],
    ];
    for (const [name, type, data, expected] of fixtures) {
      const result = await extractTextInChild(write(name, data), type, { maxChars: 500_000 });
      expect(result.readable, name).toBe(true);
      expect(result.text, name).toBe(await extractInProcess(type, data));
      expect(result.text, name).toContain(expected);
      expect(result.childPeakRssBytes, name).toBeGreaterThan(0);
    }
  });

  it('sends back at most maxChars of text', async () => {
    const path = write('long.docx', makeDocx('Tolkebistand', 1000));
    const result = await extractTextInChild(path, docx, { maxChars: 100 });
    expect(result.text).toHaveLength(100);
    expect(result.text.startsWith('Tolkebistand Tolkebistand')).toBe(true);
  });

  it('answers no text, without failing, for a file its parser cannot read', async () => {
    const path = write('broken.pdf', Buffer.from('%PDF-1.4\nnot really a PDF at all\n%%EOF\n'));
    const result = await extractTextInChild(path, pdf, { maxChars: 1000 });
    expect(result).toMatchObject({ readable: false, text: '' });
    expect(result.message).toBeTruthy();
  });

  it('kills a child that does not answer within its time limit, and fails', async () => {
    // A named pipe with no writer: the child's read of it never finishes.
    const path = join(folder, 'stuck.pdf');
    execFileSync('mkfifo', [path]);
    const error = await extractTextInChild(path, pdf, { maxChars: 1000, limits: { timeoutMs: 1000 } }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(ExtractionError);
    expect((error as Error).message).toBe('text extraction took over 1 s; its child process was killed');
    expect((error as ExtractionError).childPid).toBeGreaterThan(0);
    expect(gone((error as ExtractionError).childPid)).toBe(true);
  });

  it('ends itself when the server goes away while it is stuck reading the file', async () => {
    const path = join(folder, 'stuck-orphan.pdf');
    execFileSync('mkfifo', [path]);
    // A stand-in server: forks the child, hands it the pipe, says the child's pid.
    const server = spawn(
      process.execPath,
      [
        '-e',
        `const child = require('node:child_process').fork(${JSON.stringify(extractTextChildPath)}, [], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
         child.send({ path: ${JSON.stringify(path)}, contentType: 'application/pdf', maxChars: 10, timeoutMs: 600000 });
         console.log(child.pid);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [line] = (await once(server.stdout, 'data')) as [Buffer];
    const pid = Number(String(line).trim());
    expect(pid).toBeGreaterThan(0);
    // Opening the pipe's write end succeeds only once the child has it open to read; held open,
    // the child's read then waits for bytes that never come.
    let writer: number | undefined;
    await until(() => {
      try {
        writer = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
        return true;
      } catch {
        return false;
      }
    });
    expect(ended(pid)).toBe(false);
    server.kill('SIGKILL');
    // The server died without a word: the child sees its channel close and ends itself.
    await until(() => ended(pid));
    closeSync(writer as number);
  });

  it('fails when the child runs out of its capped heap, which an ordinary file fits in', async () => {
    const limits = { maxOldSpaceMb: 32 };
    const small = await extractTextInChild(write('small.docx', makeDocx('Kort brev')), docx, {
      maxChars: 1000,
      limits,
    });
    expect(small.text).toBe('Kort brev');
    // 60,000 paragraphs: officeparser's XML tree of them needs far more than 32 MB.
    const path = write('huge.docx', makeDocx('Tolkebistand i Skanderborg Kommune', 60_000));
    const error = await extractTextInChild(path, docx, { maxChars: 1000, limits }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(ExtractionError);
    expect((error as Error).message).toMatch(
      /^the text extraction's child process (was stopped by SIGABRT|exited with code \d+) before it answered \(out of memory: its heap is capped at 32 MB\)$/,
    );
    expect(gone((error as ExtractionError).childPid)).toBe(true);
  });

  it('fails, to be tried again, when the file cannot be read', async () => {
    await expect(extractTextInChild(join(folder, 'missing.pdf'), pdf, { maxChars: 1000 })).rejects.toThrow(
      /^text extraction failed: the file could not be read: ENOENT/,
    );
  });

  it('copies a file out of a store without local paths, and removes the copy', async () => {
    const folderStore = new FolderFileStore(join(folder, 'store'));
    // A store that keeps its files elsewhere (as an S3 store would): no path on this machine.
    const remote: FileStore = {
      put: (source, options) => folderStore.put(source, options),
      putFile: (path, options) => folderStore.putFile(path, options),
      open: (key) => folderStore.open(key),
      localPath: () => undefined,
      delete: (key) => folderStore.delete(key),
      list: () => folderStore.list(),
    };
    const { key } = await remote.put(Readable.from([makePdf('Fra et andet lager')]), { extension: 'pdf' });
    const copies = () => readdirSync(tmpdir()).filter((name) => name === `brobygger-extract-${key}`);
    const result = await withLocalFile(remote, key, async (path) => {
      expect(path).not.toContain(join(folder, 'store'));
      expect(copies()).toHaveLength(1);
      return extractTextInChild(path, pdf, { maxChars: 1000 });
    });
    expect(result?.text).toBe('Fra et andet lager');
    expect(copies()).toHaveLength(0);
    expect(
      await withLocalFile(remote, `${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}.pdf`, async () => 1),
    ).toBe(undefined);
    // The folder store hands over its own path, and nothing for a file it does not hold.
    expect(await withLocalFile(folderStore, key, async (path) => path)).toBe(folderStore.localPath(key));
    await folderStore.delete(key);
    expect(await withLocalFile(folderStore, key, async (path) => path)).toBeUndefined();
  });

  it('is shipped where the server looks for it, and says so when it is not', () => {
    expect(() => assertExtractionChildShipped()).not.toThrow();
    expect(extractTextChildPath.endsWith('extract-text-child.js')).toBe(true);
    expect(() => assertExtractionChildShipped(join(folder, 'extract-text-child.js'))).toThrow(
      /text extraction's child entry is missing/,
    );
  });
});
