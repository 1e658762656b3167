import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Links that confirm an account's e-mail address: single use, expiring, only the token's SHA-256 stored, bound to
 * the address they were sent to.
 */
export class EmailVerifications1795500000200 implements MigrationInterface {
  name = 'EmailVerifications1795500000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "email_verifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_email_verifications" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "email_verifications_token_hash_unique" ON "email_verifications"  ("token_hash") ',
    );
    await queryRunner.query(
      'ALTER TABLE "email_verifications" ADD CONSTRAINT "email_verifications_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "email_verifications" DROP CONSTRAINT "email_verifications_user_fk"');
    await queryRunner.query('DROP INDEX "public"."email_verifications_token_hash_unique"');
    await queryRunner.query('DROP TABLE "email_verifications"');
  }
}
