import { MigrationInterface, QueryRunner } from 'typeorm';

export class CallsApplicantsDossiers1795464658780 implements MigrationInterface {
  name = 'CallsApplicantsDossiers1795464658780';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "applicants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(30) NOT NULL, "legal_name" character varying(300) NOT NULL, "enterprise_number" character(10), "nis_code" character(5), "policy_domains" character varying(60) array NOT NULL DEFAULT \'{}\', "address" jsonb NOT NULL, "iban" character varying(34) NOT NULL, "contact_name" character varying(200) NOT NULL, "contact_email" character varying(254) NOT NULL, "contact_phone" character varying(40), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "applicants_nis_code_format" CHECK (nis_code ~ \'^[0-9]{5}$\'), CONSTRAINT "applicants_enterprise_number_format" CHECK (enterprise_number ~ \'^[01][0-9]{9}$\'), CONSTRAINT "applicants_identifier_by_kind" CHECK ((kind = \'organisation\' AND enterprise_number IS NOT NULL AND nis_code IS NULL) OR (kind = \'local_government\' AND nis_code IS NOT NULL)), CONSTRAINT "PK_c02ec3c46124479ce758ca50943" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "applicants_enterprise_number_unique" ON "applicants"  ("enterprise_number") ',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "applicants_nis_code_unique" ON "applicants"  ("nis_code") ');
    await queryRunner.query(
      'CREATE TABLE "applicant_members" ("applicant_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(10) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "applicant_members_role_known" CHECK (role IN (\'admin\',\'member\')), CONSTRAINT "PK_7f572e1263badcae75257e86c00" PRIMARY KEY ("applicant_id", "user_id"))',
    );
    await queryRunner.query('CREATE INDEX "applicant_members_user_idx" ON "applicant_members"  ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "calls" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(60) NOT NULL, "title" character varying(300) NOT NULL, "description" text NOT NULL DEFAULT \'\', "kind" character varying(20) NOT NULL DEFAULT \'project\', "status" character varying(20) NOT NULL DEFAULT \'draft\', "applicant_kinds" character varying(30) array NOT NULL, "policy_domains" character varying(60) array NOT NULL DEFAULT \'{}\', "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "max_requested_cents" bigint NOT NULL, "budget_cents" bigint NOT NULL, "project_start" date NOT NULL, "project_end" date NOT NULL, "one_dossier_per_applicant" boolean NOT NULL DEFAULT true, "attachments" jsonb NOT NULL DEFAULT \'[]\', "questions" jsonb NOT NULL DEFAULT \'[]\', "criteria" jsonb NOT NULL DEFAULT \'[]\', "tie_break" jsonb NOT NULL DEFAULT \'["criteria-in-order","earlier-submission"]\', "version" integer NOT NULL DEFAULT \'1\', "dossier_seq" integer NOT NULL DEFAULT \'0\', "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "calls_status_known" CHECK (status IN (\'draft\',\'published\')), CONSTRAINT "calls_period_ordered" CHECK (project_end >= project_start), CONSTRAINT "calls_cap_within_budget" CHECK (max_requested_cents > 0 AND max_requested_cents <= budget_cents), CONSTRAINT "calls_closes_after_opens" CHECK (closes_at > opens_at), CONSTRAINT "PK_d9171d91f8dd1a649659f1b6a20" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "calls_code_unique" ON "calls"  ("code") ');
    await queryRunner.query(
      'CREATE TABLE "dossiers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "applicant_id" uuid NOT NULL, "slot" integer NOT NULL DEFAULT \'0\', "status" character varying(20) NOT NULL DEFAULT \'draft\', "reference" character varying(80), "version" integer NOT NULL DEFAULT \'1\', "title" character varying(300) NOT NULL DEFAULT \'\', "summary" text NOT NULL DEFAULT \'\', "answers" jsonb NOT NULL DEFAULT \'{}\', "project_start" date, "project_end" date, "budget_lines" jsonb NOT NULL DEFAULT \'[]\', "own_contribution_cents" bigint NOT NULL DEFAULT \'0\', "other_income_cents" bigint NOT NULL DEFAULT \'0\', "requested_cents" bigint NOT NULL DEFAULT \'0\', "submitted_at" TIMESTAMP WITH TIME ZONE, "submission_count" integer NOT NULL DEFAULT \'0\', "last_content_hash" character(64), "withdrawn_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "dossiers_amounts_not_negative" CHECK (requested_cents >= 0 AND own_contribution_cents >= 0 AND other_income_cents >= 0), CONSTRAINT "dossiers_status_known" CHECK (status IN (\'draft\',\'submitted\',\'withdrawn\')), CONSTRAINT "PK_d84a24a9d2c52ec01142de45e42" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "dossiers_applicant_idx" ON "dossiers"  ("applicant_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "dossiers_reference_unique" ON "dossiers"  ("reference") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "dossiers_one_live_per_applicant" ON "dossiers"  ("call_id", "applicant_id", "slot") WHERE status <> \'withdrawn\'',
    );
    await queryRunner.query(
      'CREATE TABLE "attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "kind" character varying(60) NOT NULL, "filename" character varying(255) NOT NULL, "content_type" character varying(100) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "removed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5e1f050bcff31e3084a1d662412" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "attachments_dossier_idx" ON "attachments"  ("dossier_id") ');
    await queryRunner.query(
      'CREATE TABLE "dossier_submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "number" integer NOT NULL, "reference" character varying(80) NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "content" jsonb NOT NULL, "content_hash" character(64) NOT NULL, "idempotency_key" character varying(100), "submitted_by" uuid NOT NULL, CONSTRAINT "PK_6cb300e2cfecffad90677d84986" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "dossier_submissions_idempotency_unique" ON "dossier_submissions"  ("dossier_id", "idempotency_key") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "dossier_submissions_number_unique" ON "dossier_submissions"  ("dossier_id", "number") ',
    );
    await queryRunner.query(
      'ALTER TABLE "applicant_members" ADD CONSTRAINT "applicant_members_applicant_fk" FOREIGN KEY ("applicant_id") REFERENCES "applicants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "applicant_members" ADD CONSTRAINT "applicant_members_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_call_fk" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_applicant_fk" FOREIGN KEY ("applicant_id") REFERENCES "applicants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "attachments" ADD CONSTRAINT "attachments_dossier_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier_submissions" ADD CONSTRAINT "dossier_submissions_dossier_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "dossier_submissions" DROP CONSTRAINT "dossier_submissions_dossier_fk"');
    await queryRunner.query('ALTER TABLE "attachments" DROP CONSTRAINT "attachments_dossier_fk"');
    await queryRunner.query('ALTER TABLE "dossiers" DROP CONSTRAINT "dossiers_applicant_fk"');
    await queryRunner.query('ALTER TABLE "dossiers" DROP CONSTRAINT "dossiers_call_fk"');
    await queryRunner.query('ALTER TABLE "applicant_members" DROP CONSTRAINT "applicant_members_user_fk"');
    await queryRunner.query('ALTER TABLE "applicant_members" DROP CONSTRAINT "applicant_members_applicant_fk"');
    await queryRunner.query('DROP INDEX "public"."dossier_submissions_number_unique"');
    await queryRunner.query('DROP INDEX "public"."dossier_submissions_idempotency_unique"');
    await queryRunner.query('DROP TABLE "dossier_submissions"');
    await queryRunner.query('DROP INDEX "public"."attachments_dossier_idx"');
    await queryRunner.query('DROP TABLE "attachments"');
    await queryRunner.query('DROP INDEX "public"."dossiers_one_live_per_applicant"');
    await queryRunner.query('DROP INDEX "public"."dossiers_reference_unique"');
    await queryRunner.query('DROP INDEX "public"."dossiers_applicant_idx"');
    await queryRunner.query('DROP TABLE "dossiers"');
    await queryRunner.query('DROP INDEX "public"."calls_code_unique"');
    await queryRunner.query('DROP TABLE "calls"');
    await queryRunner.query('DROP INDEX "public"."applicant_members_user_idx"');
    await queryRunner.query('DROP TABLE "applicant_members"');
    await queryRunner.query('DROP INDEX "public"."applicants_nis_code_unique"');
    await queryRunner.query('DROP INDEX "public"."applicants_enterprise_number_unique"');
    await queryRunner.query('DROP TABLE "applicants"');
  }
}
