import { MigrationInterface, QueryRunner } from 'typeorm';

export class Invitations1795465662404 implements MigrationInterface {
  name = 'Invitations1795465662404';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "applicant_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "token_hash" character(64) NOT NULL, "invited_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "accepted_by" uuid, CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "invitations_applicant_idx" ON "invitations"  ("applicant_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "invitations_token_hash_unique" ON "invitations"  ("token_hash") ');
    await queryRunner.query(
      'ALTER TABLE "invitations" ADD CONSTRAINT "invitations_applicant_fk" FOREIGN KEY ("applicant_id") REFERENCES "applicants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "invitations" DROP CONSTRAINT "invitations_applicant_fk"');
    await queryRunner.query('DROP INDEX "public"."invitations_token_hash_unique"');
    await queryRunner.query('DROP INDEX "public"."invitations_applicant_idx"');
    await queryRunner.query('DROP TABLE "invitations"');
  }
}
