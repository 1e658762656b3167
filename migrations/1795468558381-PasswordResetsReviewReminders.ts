import { MigrationInterface, QueryRunner } from 'typeorm';

export class PasswordResetsReviewReminders1795468558381 implements MigrationInterface {
  name = 'PasswordResetsReviewReminders1795468558381';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "password_resets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4816377aa98211c1de34469e742" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "password_resets_token_hash_unique" ON "password_resets"  ("token_hash") ',
    );
    await queryRunner.query('ALTER TABLE "review_assignments" ADD "reminded_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      'ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "password_resets" DROP CONSTRAINT "password_resets_user_fk"');
    await queryRunner.query('ALTER TABLE "review_assignments" DROP COLUMN "reminded_at"');
    await queryRunner.query('DROP INDEX "public"."password_resets_token_hash_unique"');
    await queryRunner.query('DROP TABLE "password_resets"');
  }
}
