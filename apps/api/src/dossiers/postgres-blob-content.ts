import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { AttachmentBlobRepository } from './attachment-blob.repository';
import { BlobContent, CHUNK_BYTES } from './blob-content';

/** The default driver: the bytes are rows of attachment_blob_chunks, written and read one chunk at a time. */
export class PostgresBlobContent extends BlobContent {
  readonly driver = 'postgres';

  constructor(private readonly blobs: AttachmentBlobRepository) {
    super();
  }

  async write(manager: EntityManager, sha256: string, _sizeBytes: number, path: string): Promise<void> {
    let seq = 0;
    // A file stream hands over CHUNK_BYTES at a time; only that much is in memory.
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
      await this.blobs.insertChunk(manager, sha256, seq++, chunk as Buffer);
    }
  }

  read(sha256: string, sizeBytes: number): Readable {
    const blobs = this.blobs;
    return Readable.from(
      (async function* chunks() {
        let sent = 0;
        for (let seq = 0; sent < sizeBytes; seq++) {
          const data = await blobs.chunk(sha256, seq);
          if (!data || data.length === 0) throw new Error(`Attachment blob ${sha256} lacks chunk ${seq}`);
          sent += data.length;
          yield data;
        }
      })(),
      { objectMode: false },
    );
  }
}
