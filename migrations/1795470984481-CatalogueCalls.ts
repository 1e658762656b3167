import { MigrationInterface, QueryRunner } from 'typeorm';

export class CatalogueCalls1795470984481 implements MigrationInterface {
  name = 'CatalogueCalls1795470984481';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "catalogue_allocations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "status" character varying(20) NOT NULL DEFAULT \'draft\', "budget_cents" bigint NOT NULL, "action_budgets" jsonb NOT NULL DEFAULT \'{}\', "subscribers" jsonb NOT NULL, "result" jsonb NOT NULL, "granted_cents" bigint NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "remarks" text, "decision_date" date, "decision_reference" character varying(100), "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "catalogue_allocations_within_budget" CHECK (granted_cents >= 0 AND granted_cents <= budget_cents), CONSTRAINT "catalogue_allocations_status_known" CHECK (status IN (\'draft\',\'sent\',\'returned\',\'approved\')), CONSTRAINT "PK_5e5919c4be67d9f6e37990df239" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "catalogue_allocations_call_idx" ON "catalogue_allocations"  ("call_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "catalogue_allocations_one_approved" ON "catalogue_allocations"  ("call_id") WHERE status = \'approved\'',
    );
    await queryRunner.query('ALTER TABLE "calls" ADD "catalogue" jsonb');
    await queryRunner.query('ALTER TABLE "dossiers" ADD "subscription" jsonb');
    await queryRunner.query(
      'ALTER TABLE "calls" ADD CONSTRAINT "calls_catalogue_of_catalogue_call" CHECK (kind <> \'catalogue\' OR catalogue IS NOT NULL)',
    );
    await queryRunner.query(
      'ALTER TABLE "calls" ADD CONSTRAINT "calls_kind_known" CHECK (kind IN (\'project\',\'catalogue\'))',
    );
    await queryRunner.query(
      'ALTER TABLE "catalogue_allocations" ADD CONSTRAINT "catalogue_allocations_call_fk" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "catalogue_allocations" DROP CONSTRAINT "catalogue_allocations_call_fk"');
    await queryRunner.query('ALTER TABLE "calls" DROP CONSTRAINT "calls_kind_known"');
    await queryRunner.query('ALTER TABLE "calls" DROP CONSTRAINT "calls_catalogue_of_catalogue_call"');
    await queryRunner.query('ALTER TABLE "dossiers" DROP COLUMN "subscription"');
    await queryRunner.query('ALTER TABLE "calls" DROP COLUMN "catalogue"');
    await queryRunner.query('DROP INDEX "public"."catalogue_allocations_one_approved"');
    await queryRunner.query('DROP INDEX "public"."catalogue_allocations_call_idx"');
    await queryRunner.query('DROP TABLE "catalogue_allocations"');
  }
}
