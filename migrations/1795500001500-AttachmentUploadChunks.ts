import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploads in flight are staged in the database instead of a transient file on the API's disk (ADR 0019,
 * amendment): one row per 256 KiB as the part arrives, copied into attachment_blob_chunks when the attachment row
 * commits, then deleted. UNLOGGED: the rows live for one request, so they need no WAL (a 10 MB upload would otherwise
 * write its bytes to the WAL twice) and a crash, which empties the table, only fails the uploads in flight. Stored
 * uncompressed out of line, like the blobs' chunks. No index on created_at: the table holds only uploads in flight.
 */
export class AttachmentUploadChunks1795500001500 implements MigrationInterface {
  name = 'AttachmentUploadChunks1795500001500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE UNLOGGED TABLE "attachment_upload_chunks" ("upload_id" uuid NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "attachment_upload_chunks_pk" PRIMARY KEY ("upload_id", "seq"))',
    );
    await queryRunner.query('ALTER TABLE "attachment_upload_chunks" ALTER COLUMN "data" SET STORAGE EXTERNAL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "attachment_upload_chunks"');
  }
}
