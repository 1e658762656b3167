import { AppException } from '@portal/server';
import { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { AttachmentBlobRepository } from './attachment-blob.repository';
import { BlobContent, CHUNK_BYTES, type BlobSource } from './blob-content';

/** The default driver: the bytes are rows of attachment_blob_chunks, written and read one chunk at a time. */
export class PostgresBlobContent extends BlobContent {
  readonly driver = 'postgres';

  constructor(private readonly blobs: AttachmentBlobRepository) {
    super();
  }

  async write(manager: EntityManager, sha256: string, sizeBytes: number, source: BlobSource): Promise<void> {
    if (source.stagedUploadId) {
      // An upload: its staging rows have the blob's chunk boundaries; the server copies them, the API sees no byte.
      const copied = await this.blobs.copyStagedChunks(manager, source.stagedUploadId, sha256);
      if (copied.bytes !== sizeBytes || copied.chunks !== Math.ceil(sizeBytes / CHUNK_BYTES)) {
        // Rows gone (a database crash empties the unlogged staging table): roll back rather than store less.
        throw new AppException('UPLOAD_INTERRUPTED');
      }
      return;
    }
    let seq = 0;
    // The source hands over CHUNK_BYTES at a time; only that much is in memory.
    for await (const chunk of source.open(manager)) {
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
