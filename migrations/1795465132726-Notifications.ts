import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795465132726 implements MigrationInterface {
  name = 'Notifications1795465132726';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "template" character varying(60) NOT NULL, "recipient" character varying(254) NOT NULL, "locale" character varying(2) NOT NULL DEFAULT \'nl\', "payload" jsonb NOT NULL, "subject_ref" character varying(100), "status" character varying(10) NOT NULL DEFAULT \'pending\', "attempts" integer NOT NULL DEFAULT \'0\', "dispatch_count" integer NOT NULL DEFAULT \'0\', "last_error" character varying(500), "smtp_message_id" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "notifications_status_known" CHECK (status IN (\'pending\',\'queued\',\'sent\',\'failed\')), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "notifications_subject_ref_idx" ON "notifications"  ("subject_ref") ');
    await queryRunner.query('CREATE INDEX "notifications_status_idx" ON "notifications"  ("status") ');
    await queryRunner.query(
      'CREATE INDEX "notifications_pending_idx" ON "notifications"  ("created_at") WHERE dispatched_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."notifications_pending_idx"');
    await queryRunner.query('DROP INDEX "public"."notifications_status_idx"');
    await queryRunner.query('DROP INDEX "public"."notifications_subject_ref_idx"');
    await queryRunner.query('DROP TABLE "notifications"');
  }
}
