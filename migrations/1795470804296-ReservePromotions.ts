import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated, plus by hand: the 'declined' dossier status (TypeORM's diff does not see a changed CHECK expression, ADR 0006).
 */
export class ReservePromotions1795470804296 implements MigrationInterface {
  name = 'ReservePromotions1795470804296';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "dossiers" DROP CONSTRAINT "dossiers_status_known"');
    await queryRunner.query(
      `ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_status_known" CHECK (status IN ('draft','submitted','withdrawn','inadmissible','awarded','rejected','declined'))`,
    );
    await queryRunner.query(
      'CREATE TABLE "reserve_promotions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "dossier_id" uuid NOT NULL, "status" character varying(20) NOT NULL DEFAULT \'proposed\', "granted_cents" bigint NOT NULL, "motivation" text NOT NULL, "proposed_by" uuid NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_date" date, "decision_reference" character varying(100), "remarks" text, CONSTRAINT "reserve_promotions_granted_positive" CHECK (granted_cents > 0), CONSTRAINT "reserve_promotions_status_known" CHECK (status IN (\'proposed\',\'confirmed\',\'refused\')), CONSTRAINT "PK_a5230243c126edaf88f3e642f82" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "reserve_promotions_call_idx" ON "reserve_promotions"  ("call_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "reserve_promotions_dossier_once" ON "reserve_promotions"  ("dossier_id") WHERE status IN (\'proposed\',\'confirmed\')',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "reserve_promotions_one_open" ON "reserve_promotions"  ("call_id") WHERE status = \'proposed\'',
    );
    await queryRunner.query(
      'ALTER TABLE "reserve_promotions" ADD CONSTRAINT "reserve_promotions_call_fk" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reserve_promotions" ADD CONSTRAINT "reserve_promotions_dossier_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "reserve_promotions" DROP CONSTRAINT "reserve_promotions_dossier_fk"');
    await queryRunner.query('ALTER TABLE "reserve_promotions" DROP CONSTRAINT "reserve_promotions_call_fk"');
    await queryRunner.query('DROP INDEX "public"."reserve_promotions_one_open"');
    await queryRunner.query('DROP INDEX "public"."reserve_promotions_dossier_once"');
    await queryRunner.query('DROP INDEX "public"."reserve_promotions_call_idx"');
    await queryRunner.query('DROP TABLE "reserve_promotions"');
    await queryRunner.query('ALTER TABLE "dossiers" DROP CONSTRAINT "dossiers_status_known"');
    await queryRunner.query(
      `ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_status_known" CHECK (status IN ('draft','submitted','withdrawn','inadmissible','awarded','rejected'))`,
    );
  }
}
