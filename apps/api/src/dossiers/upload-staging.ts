import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';

/** An upload as received: a transient file in the OS temp folder, its SHA-256 and size computed while it arrived. */
export interface StagedUpload {
  path: string;
  sha256: string;
  size: number;
  originalname: string;
}

/** Names start with the process id, so a test can tell this process's leftovers from another's. */
export const STAGING_PREFIX = `portal-upload-${process.pid}-`;

function stagingPath(): string {
  return join(tmpdir(), `${STAGING_PREFIX}${randomUUID()}.part`);
}

/** Removes the transient file; never throws (the request's answer does not depend on it). */
export async function discardStaged(upload: Pick<StagedUpload, 'path'> | undefined): Promise<void> {
  if (upload?.path) await rm(upload.path, { force: true }).catch(() => undefined);
}

export function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** For callers that hold the content already (the demo seed): stages it like an upload. */
export async function stageBuffer(content: Buffer, originalname: string): Promise<StagedUpload> {
  const path = stagingPath();
  await writeFile(path, content, { mode: 0o600, flag: 'wx' });
  return { path, sha256: sha256Of(content), size: content.length, originalname };
}

/**
 * Multer storage engine: streams the file part to a transient file (mode 0600) while hashing and counting it, so
 * the request never holds the whole file in memory. The file exists only for the request: the virus scanner needs a
 * path, and the database transaction that stores the content then reads it from local disk rather than from the
 * client (a slow client never holds a database connection). It is removed when the request ends, whatever happened
 * (see AttachmentErrorsInterceptor and DossierAttachmentsService), and here when the upload fails or is cut off.
 */
export class StagingStorage implements StorageEngine {
  _handleFile(
    _request: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<Express.Multer.File> & { sha256?: string }) => void,
  ): void {
    const path = stagingPath();
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const fail = (error: unknown) => void discardStaged({ path }).then(() => callback(error));
    pipeline(file.stream, measure, createWriteStream(path, { mode: 0o600, flags: 'wx' })).then(() => {
      // Cut off at the size limit: multer answers LIMIT_FILE_SIZE; nothing of it may stay.
      if ((file.stream as typeof file.stream & { truncated?: boolean }).truncated) fail(new Error('upload truncated'));
      else callback(null, { path, size, sha256: hash.digest('hex') });
    }, fail);
  }

  _removeFile(_request: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    void discardStaged(file).then(() => callback(null));
  }
}
