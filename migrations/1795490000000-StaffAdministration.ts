import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff administration: deactivated accounts and single-use staff invitations (only the token's SHA-256 stored). */
export class StaffAdministration1795490000000 implements MigrationInterface {
  name = 'StaffAdministration1795490000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      `CREATE TABLE "staff_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "roles" character varying(20) array NOT NULL, "token_hash" character(64) NOT NULL, "invited_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "accepted_by" uuid, CONSTRAINT "staff_invitations_roles_known" CHECK (roles <@ ARRAY['admin','reviewer','minister']::varchar[] AND cardinality(roles) > 0), CONSTRAINT "PK_staff_invitations" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "staff_invitations_token_hash_unique" ON "staff_invitations"  ("token_hash") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."staff_invitations_token_hash_unique"');
    await queryRunner.query('DROP TABLE "staff_invitations"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "deactivated_at"');
  }
}
