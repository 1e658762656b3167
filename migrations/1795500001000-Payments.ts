import { MigrationInterface, QueryRunner } from 'typeorm';

export class Payments1795500001000 implements MigrationInterface {
  name = 'Payments1795500001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "payment_schedule_tranches" ("call_id" uuid NOT NULL, "position" smallint NOT NULL, "share_basis_points" integer NOT NULL, "trigger" character varying(30) NOT NULL, "set_by" uuid NOT NULL, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "payment_schedule_tranches_trigger_known" CHECK (trigger IN (\'acceptance\',\'interim_report_approved\',\'final_report_approved\')), CONSTRAINT "payment_schedule_tranches_position" CHECK (position BETWEEN 1 AND 6), CONSTRAINT "payment_schedule_tranches_share" CHECK (share_basis_points BETWEEN 1 AND 10000), CONSTRAINT "PK_0e4d8573a11cf88708626499747" PRIMARY KEY ("call_id", "position"))',
    );
    await queryRunner.query(
      'CREATE TABLE "award_acceptances" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "call_id" uuid NOT NULL, "decision" character varying(10) NOT NULL, "conditions_text" text NOT NULL, "conditions_sha256" character varying(64) NOT NULL, "motivation" text, "creditor_iban" character varying(34), "decided_by" uuid NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "award_acceptances_hash_of_text" CHECK (conditions_sha256 = encode(sha256(convert_to(conditions_text, \'UTF8\')), \'hex\')), CONSTRAINT "award_acceptances_complete" CHECK ((decision = \'accepted\' AND creditor_iban IS NOT NULL) OR (decision = \'declined\' AND motivation IS NOT NULL)), CONSTRAINT "award_acceptances_decision_known" CHECK (decision IN (\'accepted\',\'declined\')), CONSTRAINT "PK_award_acceptances" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "award_acceptances_dossier_unique" ON "award_acceptances"  ("dossier_id") ',
    );
    await queryRunner.query('CREATE INDEX "award_acceptances_call_idx" ON "award_acceptances"  ("call_id") ');
    await queryRunner.query(
      'CREATE TABLE "acceptance_reminders" ("dossier_id" uuid NOT NULL, "number" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e65e7c39881ed2129dc99deed56" PRIMARY KEY ("dossier_id", "number"))',
    );
    await queryRunner.query(
      'CREATE TABLE "payment_batches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "status" character varying(12) NOT NULL DEFAULT \'open\', "total_cents" bigint NOT NULL, "item_count" integer NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "cancelled_by" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "paid_by" uuid, "paid_at" TIMESTAMP WITH TIME ZONE, "execution_date" date, CONSTRAINT "payment_batches_status_consistent" CHECK ((status = \'open\' AND approved_by IS NULL AND paid_at IS NULL) OR (status = \'approved\' AND approved_by IS NOT NULL AND paid_at IS NULL) OR (status = \'paid\' AND approved_by IS NOT NULL AND paid_at IS NOT NULL AND execution_date IS NOT NULL) OR (status = \'cancelled\' AND approved_by IS NULL)), CONSTRAINT "payment_batches_four_eyes" CHECK (approved_by IS NULL OR approved_by <> created_by), CONSTRAINT "payment_batches_status_known" CHECK (status IN (\'open\',\'approved\',\'paid\',\'cancelled\')), CONSTRAINT "PK_payment_batches" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "payment_batches_call_idx" ON "payment_batches"  ("call_id") ');
    await queryRunner.query(
      'CREATE TABLE "payment_batch_items" ("batch_id" uuid NOT NULL, "dossier_id" uuid NOT NULL, "tranche_position" smallint NOT NULL, "amount_cents" bigint NOT NULL, "creditor_iban" character varying(34) NOT NULL, "creditor_name" character varying(200) NOT NULL, CONSTRAINT "payment_batch_items_amount_positive" CHECK (amount_cents > 0), CONSTRAINT "PK_8f605d99bebac19cf1d6c89cf9b" PRIMARY KEY ("batch_id", "dossier_id", "tranche_position"))',
    );
    await queryRunner.query(
      'CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "batch_id" uuid NOT NULL, "dossier_id" uuid NOT NULL, "call_id" uuid NOT NULL, "tranche_position" smallint NOT NULL, "amount_cents" bigint NOT NULL, "creditor_iban" character varying(34) NOT NULL, "approved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "paid_at" TIMESTAMP WITH TIME ZONE, "execution_date" date, CONSTRAINT "payments_amount_positive" CHECK (amount_cents > 0), CONSTRAINT "PK_payments" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "payments_batch_idx" ON "payments"  ("batch_id") ');
    await queryRunner.query('CREATE INDEX "payments_call_idx" ON "payments"  ("call_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "payments_tranche_once" ON "payments"  ("dossier_id", "tranche_position") ',
    );
    await queryRunner.query(
      'ALTER TABLE "payment_schedule_tranches" ADD CONSTRAINT "payment_schedule_tranches_call_fk" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "award_acceptances" ADD CONSTRAINT "award_acceptances_dossier_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "award_acceptances" ADD CONSTRAINT "award_acceptances_call_fk" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "acceptance_reminders" ADD CONSTRAINT "acceptance_reminders_dossier_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_call_fk" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "payment_batch_items" ADD CONSTRAINT "payment_batch_items_batch_fk" FOREIGN KEY ("batch_id") REFERENCES "payment_batches"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "payment_batch_items" ADD CONSTRAINT "payment_batch_items_dossier_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "payments" ADD CONSTRAINT "payments_batch_fk" FOREIGN KEY ("batch_id") REFERENCES "payment_batches"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "payments" ADD CONSTRAINT "payments_dossier_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "payments" ADD CONSTRAINT "payments_call_fk" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "payments" DROP CONSTRAINT "payments_call_fk"');
    await queryRunner.query('ALTER TABLE "payments" DROP CONSTRAINT "payments_dossier_fk"');
    await queryRunner.query('ALTER TABLE "payments" DROP CONSTRAINT "payments_batch_fk"');
    await queryRunner.query('ALTER TABLE "payment_batch_items" DROP CONSTRAINT "payment_batch_items_dossier_fk"');
    await queryRunner.query('ALTER TABLE "payment_batch_items" DROP CONSTRAINT "payment_batch_items_batch_fk"');
    await queryRunner.query('ALTER TABLE "payment_batches" DROP CONSTRAINT "payment_batches_call_fk"');
    await queryRunner.query('ALTER TABLE "acceptance_reminders" DROP CONSTRAINT "acceptance_reminders_dossier_fk"');
    await queryRunner.query('ALTER TABLE "award_acceptances" DROP CONSTRAINT "award_acceptances_call_fk"');
    await queryRunner.query('ALTER TABLE "award_acceptances" DROP CONSTRAINT "award_acceptances_dossier_fk"');
    await queryRunner.query(
      'ALTER TABLE "payment_schedule_tranches" DROP CONSTRAINT "payment_schedule_tranches_call_fk"',
    );
    await queryRunner.query('DROP INDEX "public"."payments_tranche_once"');
    await queryRunner.query('DROP INDEX "public"."payments_call_idx"');
    await queryRunner.query('DROP INDEX "public"."payments_batch_idx"');
    await queryRunner.query('DROP TABLE "payments"');
    await queryRunner.query('DROP TABLE "payment_batch_items"');
    await queryRunner.query('DROP INDEX "public"."payment_batches_call_idx"');
    await queryRunner.query('DROP TABLE "payment_batches"');
    await queryRunner.query('DROP TABLE "acceptance_reminders"');
    await queryRunner.query('DROP INDEX "public"."award_acceptances_call_idx"');
    await queryRunner.query('DROP INDEX "public"."award_acceptances_dossier_unique"');
    await queryRunner.query('DROP TABLE "award_acceptances"');
    await queryRunner.query('DROP TABLE "payment_schedule_tranches"');
  }
}
