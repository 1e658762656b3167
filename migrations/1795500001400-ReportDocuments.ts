import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supporting documents of a report's cost statement (ADR 0024): a row per uploaded file, its content an attachment
 * blob (ADR 0019). The trigger holds the rule that a submitted or approved report's documents are frozen: a document
 * is added or removed only while its report is a draft or changes were requested, and never changed in place. The
 * service takes the report's row lock first, so a submit and an upload do not overlap.
 */
export class ReportDocuments1795500001400 implements MigrationInterface {
  name = 'ReportDocuments1795500001400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "report_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "report_id" uuid NOT NULL, "file_name" character varying(255) NOT NULL, "content_type" character varying(100) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "uploaded_by" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "report_documents_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "report_documents_report_idx" ON "report_documents" ("report_id") ');
    await queryRunner.query('CREATE INDEX "report_documents_blob_idx" ON "report_documents" ("sha256") ');
    await queryRunner.query(
      'ALTER TABLE "report_documents" ADD CONSTRAINT "report_documents_report_fk" FOREIGN KEY ("report_id") REFERENCES "dossier_reports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "report_documents" ADD CONSTRAINT "report_documents_blob_fk" FOREIGN KEY ("sha256") REFERENCES "attachment_blobs"("sha256") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(`
      CREATE FUNCTION report_documents_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        report_status text;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          PERFORM lifecycle_refuse('REPORT_NOT_EDITABLE', 'report.document.change', 'decided');
        END IF;
        SELECT status INTO report_status FROM dossier_reports
         WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.report_id ELSE NEW.report_id END;
        IF report_status IS NULL OR report_status NOT IN ('draft', 'changes_requested') THEN
          PERFORM lifecycle_refuse('REPORT_NOT_EDITABLE', 'report.document', 'decided');
        END IF;
        IF TG_OP = 'DELETE' THEN
          RETURN OLD;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER report_documents_guard BEFORE INSERT OR UPDATE OR DELETE ON report_documents
             FOR EACH ROW EXECUTE FUNCTION report_documents_guard()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER report_documents_guard ON report_documents');
    await queryRunner.query('DROP FUNCTION report_documents_guard()');
    await queryRunner.query('ALTER TABLE "report_documents" DROP CONSTRAINT "report_documents_blob_fk"');
    await queryRunner.query('ALTER TABLE "report_documents" DROP CONSTRAINT "report_documents_report_fk"');
    await queryRunner.query('DROP INDEX "public"."report_documents_blob_idx"');
    await queryRunner.query('DROP INDEX "public"."report_documents_report_idx"');
    await queryRunner.query('DROP TABLE "report_documents"');
  }
}
