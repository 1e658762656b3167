import { MigrationInterface, QueryRunner } from 'typeorm';

export class Assessment1795466476501 implements MigrationInterface {
  name = 'Assessment1795466476501';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "admissibility_decisions" ("dossier_id" uuid NOT NULL, "decision" character varying(20) NOT NULL, "automatic_checks" jsonb NOT NULL, "motivation" text NOT NULL, "decided_by" uuid NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "admissibility_decision_known" CHECK (decision IN (\'admissible\',\'inadmissible\')), CONSTRAINT "PK_5add017a087d62e311db524cea3" PRIMARY KEY ("dossier_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "review_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "reviewer_id" uuid NOT NULL, "status" character varying(20) NOT NULL DEFAULT \'assigned\', "conflict_reason" text, "assigned_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "submitted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "review_assignments_status_known" CHECK (status IN (\'assigned\',\'conflict\',\'submitted\')), CONSTRAINT "PK_57627790f79af37bc6a5e982176" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "review_assignments_reviewer_idx" ON "review_assignments"  ("reviewer_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "review_assignments_unique" ON "review_assignments"  ("dossier_id", "reviewer_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "review_scores" ("assignment_id" uuid NOT NULL, "criterion_code" character varying(60) NOT NULL, "score" numeric(6,1) NOT NULL, "comment" text, CONSTRAINT "PK_dd945dad8fb617af8eafe5eeca9" PRIMARY KEY ("assignment_id", "criterion_code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "consensus_scores" ("dossier_id" uuid NOT NULL, "criterion_code" character varying(60) NOT NULL, "score" numeric(6,1) NOT NULL, "motivation" text NOT NULL, "set_by" uuid NOT NULL, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e2bd0c42aaf28f6832e14cfb8a7" PRIMARY KEY ("dossier_id", "criterion_code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "selection_proposals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "status" character varying(20) NOT NULL DEFAULT \'draft\', "margin_rule" character varying(10) NOT NULL, "envelopes" jsonb NOT NULL DEFAULT \'[]\', "lines" jsonb NOT NULL, "overrides" jsonb NOT NULL DEFAULT \'[]\', "adjustments" jsonb NOT NULL DEFAULT \'[]\', "granted_cents" bigint NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "remarks" text, "decision_date" date, "decision_reference" character varying(100), "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "selection_proposals_status_known" CHECK (status IN (\'draft\',\'sent\',\'returned\',\'approved\')), CONSTRAINT "PK_33633ec80eb2ad8fd77ec0699ac" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "selection_proposals_call_idx" ON "selection_proposals"  ("call_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "selection_proposals_one_approved" ON "selection_proposals"  ("call_id") WHERE status = \'approved\'',
    );
    await queryRunner.query('ALTER TABLE "dossiers" ADD "granted_cents" bigint');
    await queryRunner.query(
      'ALTER TABLE "admissibility_decisions" ADD CONSTRAINT "admissibility_dossier_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_dossier_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_assignment_fk" FOREIGN KEY ("assignment_id") REFERENCES "review_assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "selection_proposals" ADD CONSTRAINT "selection_proposals_call_fk" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "selection_proposals" DROP CONSTRAINT "selection_proposals_call_fk"');
    await queryRunner.query('ALTER TABLE "review_scores" DROP CONSTRAINT "review_scores_assignment_fk"');
    await queryRunner.query('ALTER TABLE "review_assignments" DROP CONSTRAINT "review_assignments_dossier_fk"');
    await queryRunner.query('ALTER TABLE "admissibility_decisions" DROP CONSTRAINT "admissibility_dossier_fk"');
    await queryRunner.query('ALTER TABLE "dossiers" DROP COLUMN "granted_cents"');
    await queryRunner.query('DROP INDEX "public"."selection_proposals_one_approved"');
    await queryRunner.query('DROP INDEX "public"."selection_proposals_call_idx"');
    await queryRunner.query('DROP TABLE "selection_proposals"');
    await queryRunner.query('DROP TABLE "consensus_scores"');
    await queryRunner.query('DROP TABLE "review_scores"');
    await queryRunner.query('DROP INDEX "public"."review_assignments_unique"');
    await queryRunner.query('DROP INDEX "public"."review_assignments_reviewer_idx"');
    await queryRunner.query('DROP TABLE "review_assignments"');
    await queryRunner.query('DROP TABLE "admissibility_decisions"');
  }
}
