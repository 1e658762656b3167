import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments' content moves into the database (ADR 0019): one blob per SHA-256, its bytes in chunks of 256 KiB.
 * Chunks are stored uncompressed out of line (STORAGE EXTERNAL): PDFs, images and Office files are compressed already.
 *
 * Attachment rows must point at a stored blob. On a database that already has attachments (their files still in
 * UPLOAD_DIR) the foreign key is added NOT VALID: it holds for every new row at once, and `npm run
 * attachments:import` validates it once it has moved the old files in. A new database gets it validated here.
 */
export class AttachmentBlobs1795500000700 implements MigrationInterface {
  name = 'AttachmentBlobs1795500000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "attachment_blobs" ("sha256" character(64) NOT NULL, "size_bytes" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "attachment_blobs_pk" PRIMARY KEY ("sha256"))',
    );
    await queryRunner.query(
      'CREATE TABLE "attachment_blob_chunks" ("sha256" character(64) NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "attachment_blob_chunks_pk" PRIMARY KEY ("sha256", "seq"))',
    );
    await queryRunner.query('ALTER TABLE "attachment_blob_chunks" ALTER COLUMN "data" SET STORAGE EXTERNAL');
    await queryRunner.query(
      'ALTER TABLE "attachment_blob_chunks" ADD CONSTRAINT "attachment_blob_chunks_blob_fk" FOREIGN KEY ("sha256") REFERENCES "attachment_blobs"("sha256") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "attachments" ADD CONSTRAINT "attachments_blob_fk" FOREIGN KEY ("sha256") REFERENCES "attachment_blobs"("sha256") ON DELETE RESTRICT ON UPDATE NO ACTION NOT VALID',
    );
    const [{ existing }] = (await queryRunner.query(
      'SELECT EXISTS (SELECT 1 FROM "attachments") AS existing',
    )) as Array<{ existing: boolean }>;
    if (!existing) await queryRunner.query('ALTER TABLE "attachments" VALIDATE CONSTRAINT "attachments_blob_fk"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "attachments" DROP CONSTRAINT "attachments_blob_fk"');
    await queryRunner.query('ALTER TABLE "attachment_blob_chunks" DROP CONSTRAINT "attachment_blob_chunks_blob_fk"');
    await queryRunner.query('DROP TABLE "attachment_blob_chunks"');
    await queryRunner.query('DROP TABLE "attachment_blobs"');
  }
}
