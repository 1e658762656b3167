import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * attachment_upload_chunks: uploads in flight, one row per CHUNK_BYTES (ADR 0019, amendment). Each statement is short
 * and, unless a transaction's manager is passed, autocommitted: a slow client holds no transaction and no lock.
 */
@Injectable()
export class UploadStagingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertChunk(uploadId: string, seq: number, data: Buffer): Promise<void> {
    await this.dataSource.query(`INSERT INTO attachment_upload_chunks (upload_id, seq, data) VALUES ($1, $2, $3)`, [
      uploadId,
      seq,
      data,
    ]);
  }

  /** One chunk, one short query; on `manager`'s connection when given (a transaction must not wait for the pool). */
  async chunk(uploadId: string, seq: number, manager: EntityManager = this.dataSource.manager): Promise<Buffer | null> {
    const [row] = await manager.query<Array<{ data: Buffer }>>(
      `SELECT data FROM attachment_upload_chunks WHERE upload_id = $1 AND seq = $2`,
      [uploadId, seq],
    );
    return row?.data ?? null;
  }

  async discard(uploadId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM attachment_upload_chunks WHERE upload_id = $1`, [uploadId]);
  }
}
