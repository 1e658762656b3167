import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The declaration on honour accepted with a submission, as the person read it (their language, the applicant's name
 * filled in). Earlier submissions had none: the column stays nullable for them.
 */
export class SubmissionDeclaration1795500000600 implements MigrationInterface {
  name = 'SubmissionDeclaration1795500000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "dossier_submissions" ADD "declaration" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "dossier_submissions" DROP COLUMN "declaration"');
  }
}
