import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';

/** PostgreSQL chunk size: large enough for few rows (40 for 10 MB), small enough to keep memory flat. */
export const CHUNK_BYTES = 256 * 1024;

/** The bytes a blob is written from. */
export interface BlobSource {
  /** The bytes, in pieces of CHUNK_BYTES (the last one shorter), read on `manager`'s connection if from the database. */
  open(manager: EntityManager): Readable;
  /** Set when the bytes are an upload staged in attachment_upload_chunks: PostgreSQL copies those rows itself. */
  readonly stagedUploadId?: string;
}

/** A local file (the import of UPLOAD_DIR; uploads are staged in the database). */
export function fileSource(path: string): BlobSource {
  return { open: () => createReadStream(path, { highWaterMark: CHUNK_BYTES }) };
}

/**
 * Where the bytes of attachment blobs live (ATTACHMENT_STORAGE, ADR 0019). The blob's row in attachment_blobs is
 * the same for every driver (the foreign key of attachments, deduplication); only the bytes differ.
 */
export abstract class BlobContent {
  abstract readonly driver: 'postgres' | 's3';

  /**
   * Stores the bytes of `source` as blob `sha256`, whose row `manager`'s transaction has just inserted.
   * PostgreSQL writes them in that transaction (a rollback leaves nothing); S3 writes them before the commit (a
   * rollback leaves an object no row names: harmless, the same content gets the same name).
   */
  abstract write(manager: EntityManager, sha256: string, sizeBytes: number, source: BlobSource): Promise<void>;

  /** The bytes of a stored blob, fetched as the reader asks for them. */
  abstract read(sha256: string, sizeBytes: number): Readable;
}
