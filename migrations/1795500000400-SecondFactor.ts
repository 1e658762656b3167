import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A second factor for password logins (ADR 0016): one TOTP authenticator per person (secret encrypted at rest),
 * single-use recovery codes and login challenges (only SHA-256 stored), and sessions limited to enrolment while a
 * required second factor is not set up yet.
 */
export class SecondFactor1795500000400 implements MigrationInterface {
  name = 'SecondFactor1795500000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_second_factors" ("user_id" uuid NOT NULL, "secret_encrypted" character varying(500) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "enabled_at" TIMESTAMP WITH TIME ZONE, "last_used_step" bigint, CONSTRAINT "PK_user_second_factors" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_second_factors" ADD CONSTRAINT "user_second_factors_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "recovery_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_recovery_codes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "recovery_codes_user_code_unique" ON "recovery_codes" ("user_id", "code_hash") ',
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "second_factor_challenges" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_second_factor_challenges" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "second_factor_challenges_token_hash_unique" ON "second_factor_challenges" ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE INDEX "second_factor_challenges_user_id_idx" ON "second_factor_challenges" ("user_id") ',
    );
    await queryRunner.query(
      `ALTER TABLE "second_factor_challenges" ADD CONSTRAINT "second_factor_challenges_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD "second_factor_enrolment_required" boolean NOT NULL DEFAULT false',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "sessions" DROP COLUMN "second_factor_enrolment_required"');
    await queryRunner.query('DROP TABLE "second_factor_challenges"');
    await queryRunner.query('DROP TABLE "recovery_codes"');
    await queryRunner.query('DROP TABLE "user_second_factors"');
  }
}
