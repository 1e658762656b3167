import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** attachment_blobs and attachment_blob_chunks (ADR 0019): content addressed by SHA-256, stored once. */
@Injectable()
export class AttachmentBlobRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inside the transaction that will insert the attachment row: makes sure the blob's row exists and holds it until
   * the commit. `new`: this transaction inserted it and must store the content; `stored`: it was there already (the
   * same file uploaded before) and is locked FOR KEY SHARE, so the orphan purge cannot remove it meanwhile.
   * Two uploads of the same new file at once: the second waits for the first's commit, then finds it `stored`.
   */
  async claim(manager: EntityManager, sha256: string, sizeBytes: number): Promise<'new' | 'stored'> {
    for (;;) {
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO attachment_blobs (sha256, size_bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
        [sha256, sizeBytes],
      );
      if (inserted.length > 0) return 'new';
      const existing = await manager.query<unknown[]>(
        `SELECT 1 FROM attachment_blobs WHERE sha256 = $1 FOR KEY SHARE`,
        [sha256],
      );
      if (existing.length > 0) return 'stored';
      // Purged between the two statements: insert it again.
    }
  }

  async insertChunk(manager: EntityManager, sha256: string, seq: number, data: Buffer): Promise<void> {
    await manager.query(`INSERT INTO attachment_blob_chunks (sha256, seq, data) VALUES ($1, $2, $3)`, [
      sha256,
      seq,
      data,
    ]);
  }

  /**
   * The chunks of a staged upload (attachment_upload_chunks, same 256 KiB boundaries) become the blob's, copied by
   * the server in `manager`'s transaction: the bytes do not pass through the API. Answers what was copied, for the
   * caller to compare with the upload's size.
   */
  async copyStagedChunks(
    manager: EntityManager,
    uploadId: string,
    sha256: string,
  ): Promise<{ chunks: number; bytes: number }> {
    const [copied] = await manager.query<Array<{ chunks: number; bytes: number }>>(
      `WITH copied AS (
         INSERT INTO attachment_blob_chunks (sha256, seq, data)
         SELECT $2, seq, data FROM attachment_upload_chunks WHERE upload_id = $1
         RETURNING octet_length(data) AS size)
       SELECT count(*)::int AS chunks, coalesce(sum(size), 0)::int AS bytes FROM copied`,
      [uploadId, sha256],
    );
    return copied;
  }

  /** One chunk, one short query: a download holds no connection between chunks. */
  async chunk(sha256: string, seq: number): Promise<Buffer | null> {
    const [row] = await this.dataSource.query<Array<{ data: Buffer }>>(
      `SELECT data FROM attachment_blob_chunks WHERE sha256 = $1 AND seq = $2`,
      [sha256, seq],
    );
    return row?.data ?? null;
  }

  async exists(sha256: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM attachment_blobs WHERE sha256 = $1`, [sha256]);
    return rows.length > 0;
  }

  /** The hashes that attachment rows name but no blob holds (files of earlier versions not yet imported). */
  async missingBlobs(): Promise<Array<{ sha256: string; sizeBytes: number }>> {
    return this.dataSource.query(
      `SELECT DISTINCT a.sha256, a.size_bytes AS "sizeBytes" FROM attachments a
        WHERE NOT EXISTS (SELECT 1 FROM attachment_blobs b WHERE b.sha256 = a.sha256) ORDER BY a.sha256`,
    );
  }

  /** Once every attachment has its blob: the foreign key the migration added NOT VALID on an existing database. */
  async validateForeignKey(): Promise<void> {
    await this.dataSource.query(`ALTER TABLE attachments VALIDATE CONSTRAINT attachments_blob_fk`);
  }

  async foreignKeyValidated(): Promise<boolean> {
    const [row] = await this.dataSource.query<Array<{ validated: boolean }>>(
      `SELECT convalidated AS validated FROM pg_constraint WHERE conname = 'attachments_blob_fk'`,
    );
    return row?.validated ?? false;
  }
}
