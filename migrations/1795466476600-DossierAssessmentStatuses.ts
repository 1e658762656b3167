import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: TypeORM's schema diff does not see a changed CHECK expression under the same name,
 * so the drift test cannot catch this one.
 */
export class DossierAssessmentStatuses1795466476600 implements MigrationInterface {
  name = 'DossierAssessmentStatuses1795466476600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "dossiers" DROP CONSTRAINT "dossiers_status_known"');
    await queryRunner.query(
      `ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_status_known" CHECK (status IN ('draft','submitted','withdrawn','inadmissible','awarded','rejected'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "dossiers" DROP CONSTRAINT "dossiers_status_known"');
    await queryRunner.query(
      `ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_status_known" CHECK (status IN ('draft','submitted','withdrawn'))`,
    );
  }
}
