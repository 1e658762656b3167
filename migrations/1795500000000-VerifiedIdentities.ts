import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verified identities: an account confirms its e-mail address (accounts that existed before count as confirmed when
 * they were created: they were made by an admin, a seed or an invitation), an account signed in through the identity
 * service may have no local password, and an organisation's claim to an enterprise or NIS number is verified by the
 * administration (existing applicants start "to verify": nobody ever checked them).
 */
export class VerifiedIdentities1795500000000 implements MigrationInterface {
  name = 'VerifiedIdentities1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('UPDATE "users" SET "email_verified_at" = "created_at"');
    await queryRunner.query('ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL');
    await queryRunner.query(
      `ALTER TABLE "applicants" ADD "verification_status" character varying(20) NOT NULL DEFAULT 'to_verify'`,
    );
    await queryRunner.query('ALTER TABLE "applicants" ADD "verified_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "applicants" ADD "verified_by" uuid');
    await queryRunner.query('ALTER TABLE "applicants" ADD "verification_motivation" character varying(2000)');
    await queryRunner.query(
      `ALTER TABLE "applicants" ADD CONSTRAINT "applicants_verification_status_known" CHECK (verification_status IN ('to_verify','verified','rejected'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "applicants" ADD CONSTRAINT "applicants_verification_decided" CHECK ((verification_status = 'to_verify') = (verified_at IS NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "applicants" DROP CONSTRAINT "applicants_verification_decided"');
    await queryRunner.query('ALTER TABLE "applicants" DROP CONSTRAINT "applicants_verification_status_known"');
    await queryRunner.query('ALTER TABLE "applicants" DROP COLUMN "verification_motivation"');
    await queryRunner.query('ALTER TABLE "applicants" DROP COLUMN "verified_by"');
    await queryRunner.query('ALTER TABLE "applicants" DROP COLUMN "verified_at"');
    await queryRunner.query('ALTER TABLE "applicants" DROP COLUMN "verification_status"');
    await queryRunner.query('ALTER TABLE "users" ALTER COLUMN "password_hash" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "email_verified_at"');
  }
}
