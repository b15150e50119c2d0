import { rm } from 'node:fs/promises';
import type { FileStore } from '../files/store.ts';
import { type ReceivedFile, receiveFile, UploadError, type UploadRefusal } from '../files/upload.ts';
import type { UseCaseContext } from './context.ts';
import { UseCaseError } from './errors.ts';

// What every feature that takes uploaded files shares (ADR 0018): the store, the request body as a
// use case receives it, and the upload's refusals as use-case errors.

export function fileStoreOf(ctx: UseCaseContext): FileStore {
  if (!ctx.deps.files) throw new Error('no file store');
  return ctx.deps.files;
}

/** The request's body and headers, as the route hands them on (the body is not read yet). */
export interface UploadInput {
  body: ReadableStream<Uint8Array> | NodeJS.ReadableStream | null;
  contentType: string | undefined;
  contentLength: string | undefined;
}

/** A refused upload as a use-case error; `reason` says which refusal, for a browser form's page. */
export class UploadRefused extends UseCaseError {
  constructor(
    error: UploadError,
    readonly reason: UploadRefusal,
  ) {
    super(
      error.status === 413
        ? 'payload_too_large'
        : error.status === 415
          ? 'unsupported_media_type'
          : error.status === 400
            ? 'bad_request'
            : 'validation_failed',
      error.message,
      error.status === 413 || error.status === 415
        ? (error.status as never)
        : error.status === 400
          ? 400
          : 422,
      error.status === 422 ? { file: [error.message] } : undefined,
    );
  }
}

/** Receives the upload to a temporary file (checked: name, size, type from its bytes). */
export async function receiveUpload(upload: UploadInput): Promise<ReceivedFile> {
  try {
    return await receiveFile(upload.body, {
      contentType: upload.contentType,
      contentLength: upload.contentLength,
    });
  } catch (error) {
    if (error instanceof UploadError) throw new UploadRefused(error, error.reason);
    throw error;
  }
}

/** Lets go of a body that will not be read (the upload was refused before it). */
export async function discardUpload(upload: UploadInput): Promise<void> {
  if (upload.body && 'cancel' in upload.body) await upload.body.cancel().catch(() => {});
}

/**
 * Moves a received upload into the file store and runs `record` (which writes the row that names
 * the stored file). Should `record` throw, the stored file is deleted again; the temporary file
 * goes either way, so a refused or failed upload leaves no file behind.
 */
export async function storeReceived<T>(
  ctx: UseCaseContext,
  received: ReceivedFile,
  record: (stored: { key: string; size: number }) => Promise<T>,
): Promise<T> {
  const files = fileStoreOf(ctx);
  let key: string | undefined;
  try {
    const stored = await files.putFile(received.tempPath, { extension: received.extension });
    key = stored.key;
    return await record(stored);
  } catch (error) {
    if (key) await files.delete(key);
    throw error;
  } finally {
    await rm(received.tempPath, { force: true });
  }
}
