import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { fileTypeFromFile } from 'file-type';

/** The largest attachment accepted: 20 MiB (README, "Attachments"). */
export const maxAttachmentBytes = 20 * 1024 * 1024;

/** What may be attached, by the type its bytes show (never by its name or declared type). */
export const attachmentTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
} as const;
export type AttachmentExtension = keyof typeof attachmentTypes;
const extensionAliases: Record<string, AttachmentExtension> = { jpeg: 'jpg' };

/**
 * Why an upload was refused, as a fixed word: a browser form's redirect carries it, and the page
 * shows its own (translated) text for it, never words from the URL.
 */
export const uploadRefusals = [
  'form',
  'not-multipart',
  'missing',
  'name',
  'empty',
  'too-large',
  'type',
  'mismatch',
] as const;
export type UploadRefusal = (typeof uploadRefusals)[number];

export class UploadError extends Error {
  constructor(
    readonly status: 400 | 413 | 415 | 422,
    message: string,
    readonly reason: UploadRefusal,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

export interface ReceivedFile {
  /** The file's name as the user's computer called it (checked: no folders, no control characters). */
  fileName: string;
  /** A temporary file holding the bytes; the caller moves it into the store and removes it. */
  tempPath: string;
  size: number;
  extension: AttachmentExtension;
  contentType: string;
  /** The form's other fields (a browser form's `redirect`). */
  fields: Record<string, string>;
}

/** A name with a folder in it, a control character or none at all is refused. */
export function checkFileName(name: string): string {
  const trimmed = name.normalize('NFC').trim();
  if (!trimmed) throw new UploadError(422, 'Filen skal have et navn.', 'name');
  if (/[/\\]/.test(trimmed) || /^\.+$/.test(trimmed) || /^[a-z]:/i.test(trimmed)) {
    throw new UploadError(422, 'Filnavnet må ikke indeholde mapper (/ eller \\).', 'name');
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(trimmed))
    throw new UploadError(422, 'Filnavnet indeholder ugyldige tegn.', 'name');
  if (trimmed.length > 200) throw new UploadError(422, 'Filnavnet må højst være 200 tegn.', 'name');
  return trimmed;
}

/**
 * Reads a multipart/form-data body with one file (field `file`) straight to a temporary file —
 * never the whole upload in memory — and stops reading at `maxBytes`. Checks the name, the size
 * and the type from the file's own bytes (its extension must agree). On any failure the
 * temporary file is removed before the error is thrown.
 */
export async function receiveFile(
  body: WebReadableStream<Uint8Array> | ReadableStream<Uint8Array> | NodeJS.ReadableStream | null,
  headers: { contentType: string | undefined; contentLength: string | undefined },
  maxBytes = maxAttachmentBytes,
): Promise<ReceivedFile> {
  if (!headers.contentType || !/^multipart\/form-data\b/i.test(headers.contentType)) {
    throw new UploadError(415, 'Send filen som multipart/form-data i feltet "file".', 'not-multipart');
  }
  // A declared length far over the limit is refused before anything is read.
  if (headers.contentLength && Number(headers.contentLength) > maxBytes + 64 * 1024) {
    throw new UploadError(
      413,
      `Filen er for stor: højst ${Math.floor(maxBytes / (1024 * 1024))} MB.`,
      'too-large',
    );
  }
  if (!body) throw new UploadError(422, 'Vælg en fil.', 'missing');
  const tempPath = join(tmpdir(), `brobygger-upload-${randomUUID()}`);
  const fields: Record<string, string> = {};
  let fileName: string | undefined;
  let tooLarge = false;
  let nameError: UploadError | undefined;
  let writing: Promise<void> | undefined;
  const source = body instanceof Readable ? body : Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  try {
    await new Promise<void>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({
          headers: { 'content-type': headers.contentType },
          preservePath: true,
          defParamCharset: 'utf8',
          limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: 2000, parts: 12 },
        });
      } catch {
        reject(new UploadError(400, 'Formularen kan ikke læses.', 'form'));
        return;
      }
      parser.on('file', (name, stream, info) => {
        if (name !== 'file' || fileName !== undefined) {
          stream.resume();
          return;
        }
        fileName = info.filename ?? '';
        try {
          checkFileName(fileName);
        } catch (error) {
          nameError = error as UploadError;
          stream.resume();
          return;
        }
        stream.on('limit', () => {
          tooLarge = true;
          // The rest of the body is read and thrown away (not held), so the client gets the answer.
          source.unpipe(parser);
          source.resume();
          reject(
            new UploadError(
              413,
              `Filen er for stor: højst ${Math.floor(maxBytes / (1024 * 1024))} MB.`,
              'too-large',
            ),
          );
        });
        writing = pipeline(stream, createWriteStream(tempPath));
        writing.catch(() => {});
      });
      parser.on('field', (name, value) => {
        fields[name] = value;
      });
      parser.on('error', () => reject(new UploadError(400, 'Formularen kan ikke læses.', 'form')));
      parser.on('close', () => resolve());
      source.on('error', (error) =>
        reject(tooLarge ? error : new UploadError(400, 'Forespørgslen blev afbrudt.', 'form')),
      );
      source.pipe(parser);
    });
    if (writing) await writing;
    if (nameError) throw nameError;
    if (fileName === undefined) throw new UploadError(422, 'Vælg en fil (feltet "file").', 'missing');
    const name = checkFileName(fileName);
    const { stat } = await import('node:fs/promises');
    const size = (await stat(tempPath).catch(() => ({ size: 0 }))).size;
    if (size === 0) throw new UploadError(422, 'Filen er tom.', 'empty');
    const detected = await fileTypeFromFile(tempPath);
    const extension = detected ? (extensionAliases[detected.ext] ?? detected.ext) : undefined;
    if (!extension || !(extension in attachmentTypes)) {
      throw new UploadError(
        415,
        'Filtypen er ikke tilladt: vedhæft PDF, Word (docx), Excel (xlsx), PowerPoint (pptx), OpenDocument-tekst (odt) eller et billede (PNG, JPEG, GIF, WebP).',
        'type',
      );
    }
    const dot = name.lastIndexOf('.');
    const written = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
    const writtenExtension = extensionAliases[written] ?? written;
    if (writtenExtension && writtenExtension !== extension) {
      throw new UploadError(
        422,
        `Filens navn ender på .${written}, men indholdet er ${extension.toUpperCase()}. Omdøb filen eller vælg den rigtige.`,
        'mismatch',
      );
    }
    const typed = extension as AttachmentExtension;
    return { fileName: name, tempPath, size, extension: typed, contentType: attachmentTypes[typed], fields };
  } catch (error) {
    if (writing) await writing.catch(() => {});
    await rm(tempPath, { force: true });
    throw error;
  }
}
