import { AppException } from '@portal/server';
import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import type { EntityManager } from 'typeorm';
import { CHUNK_BYTES, type BlobSource } from './blob-content';
import type { ByteRanges } from './content-type';
import { UploadStagingRepository } from './upload-staging.repository';

/** An upload as received: staged in attachment_upload_chunks, its SHA-256 and size computed while it arrived. */
export interface StagedUpload {
  uploadId: string;
  sha256: string;
  size: number;
  originalname: string;
}

/**
 * Uploads in flight, staged in PostgreSQL rather than on the API's disk (ADR 0019, amendment): the part is written
 * as it arrives, one autocommitted row per CHUNK_BYTES (only that much in memory; a slow client holds no transaction
 * and no lock), hashed and counted on the way. The checks read it back from those rows: the type sniffing by byte
 * range, the virus scan as a stream, the store by a server-side copy (PostgreSQL) or a stream (S3). The rows go when
 * the request ends, whatever happened; the worker removes what a crash left after a day.
 */
@Injectable()
export class UploadStaging {
  private readonly logger = new Logger(UploadStaging.name);

  constructor(private readonly rows: UploadStagingRepository) {}

  /** Stages `stream` to its end. On any failure (a cut-off client, the database) its rows are removed first. */
  async receive(stream: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<Omit<StagedUpload, 'originalname'>> {
    const uploadId = randomUUID();
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    // One chunk's buffer, reused: each INSERT has sent it by the time it resolves.
    const pending = Buffer.allocUnsafe(CHUNK_BYTES);
    let filled = 0;
    try {
      for await (const piece of stream) {
        hash.update(piece);
        size += piece.length;
        for (let offset = 0; offset < piece.length;) {
          const taken = piece.copy(pending, filled, offset);
          offset += taken;
          filled += taken;
          if (filled === CHUNK_BYTES) {
            await this.rows.insertChunk(uploadId, seq++, pending);
            filled = 0;
          }
        }
      }
      if (filled > 0) await this.rows.insertChunk(uploadId, seq, pending.subarray(0, filled));
    } catch (error) {
      await this.discard({ uploadId });
      throw error;
    }
    return { uploadId, sha256: hash.digest('hex'), size };
  }

  /** For callers that hold the content already (the demo seed): stages it like an upload. */
  async stageBuffer(content: Buffer, originalname: string): Promise<StagedUpload> {
    return { ...(await this.receive([content])), originalname };
  }

  /** Removes the upload's rows; never throws (the request's answer does not depend on it: the worker retries). */
  async discard(upload: Partial<Pick<StagedUpload, 'uploadId'>> | undefined): Promise<void> {
    if (!upload?.uploadId) return;
    await this.rows.discard(upload.uploadId).catch((error: unknown) => {
      this.logger.warn({ err: error, uploadId: upload.uploadId }, 'Staged upload not removed; the worker will');
    });
  }

  /** The upload's bytes in order, one query per chunk as the reader asks (on `manager`'s connection when given). */
  content(upload: Pick<StagedUpload, 'uploadId' | 'size'>, manager?: EntityManager): Readable {
    const rows = this.rows;
    const chunks = Math.ceil(upload.size / CHUNK_BYTES);
    return Readable.from(
      (async function* read() {
        for (let seq = 0; seq < chunks; seq++) yield await mustChunk(rows, upload.uploadId, seq, manager);
      })(),
      { objectMode: false },
    );
  }

  /** What the attachment storage writes the blob from. */
  source(upload: Pick<StagedUpload, 'uploadId' | 'size'>): BlobSource {
    return { stagedUploadId: upload.uploadId, open: (manager) => this.content(upload, manager) };
  }

  /**
   * Random access by byte range for the type sniffing (DOCX, XLSX and ODT are read entry by entry), keeping the
   * last chunk read: a sniff reads a few KiB, mostly within one chunk, so it costs a query or two.
   */
  ranges(upload: Pick<StagedUpload, 'uploadId' | 'size'>): ByteRanges {
    const rows = this.rows;
    let cached: { seq: number; data: Buffer } | undefined;
    const chunk = async (seq: number) => {
      if (cached?.seq !== seq) cached = { seq, data: await mustChunk(rows, upload.uploadId, seq) };
      return cached.data;
    };
    return {
      size: upload.size,
      type: '',
      slice: (start, end) => ({
        async arrayBuffer() {
          const out = new Uint8Array(Math.max(0, Math.min(end, upload.size) - start));
          for (let at = 0; at < out.length;) {
            const position = start + at;
            const data = await chunk(Math.floor(position / CHUNK_BYTES));
            const from = position % CHUNK_BYTES;
            const part = data.subarray(from, from + out.length - at);
            out.set(part, at);
            at += part.length;
          }
          return out.buffer;
        },
      }),
    };
  }
}

async function mustChunk(
  rows: UploadStagingRepository,
  uploadId: string,
  seq: number,
  manager?: EntityManager,
): Promise<Buffer> {
  const data = await rows.chunk(uploadId, seq, manager);
  // Rows gone (a database crash empties the unlogged staging table): the upload must be sent again.
  if (!data || data.length === 0) throw new AppException('UPLOAD_INTERRUPTED');
  return data;
}

/**
 * Multer storage engine: stages the file part in the database (UploadStaging) while hashing and counting it, so the
 * request never holds the whole file in memory and never writes it to local disk. A part cut off at the size limit,
 * or by the client, leaves no rows; whatever ends the request later removes them (AttachmentErrorsInterceptor, the
 * services' `finally`, multer's `_removeFile`).
 */
export class StagingStorage implements StorageEngine {
  constructor(private readonly staging: UploadStaging) {}

  _handleFile(
    _request: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<Express.Multer.File> & Omit<StagedUpload, 'originalname'>) => void,
  ): void {
    const stream = file.stream as typeof file.stream & { truncated?: boolean };
    this.staging.receive(stream).then(
      async (staged) => {
        // Cut off at the size limit: multer answers LIMIT_FILE_SIZE; nothing of it may stay.
        if (!stream.truncated) return callback(null, staged);
        await this.staging.discard(staged);
        callback(new Error('upload truncated'));
      },
      (error: unknown) => callback(error),
    );
  }

  _removeFile(_request: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    void this.staging.discard(file as Partial<StagedUpload>).then(() => callback(null));
  }
}
