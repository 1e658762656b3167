import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on (ADR 0015): the identities the identity service (OpenID Connect) vouches for, issuer + subject linked
 * to one account, and the enterprise numbers it said the person may represent.
 */
export class UserIdentities1795500000300 implements MigrationInterface {
  name = 'UserIdentities1795500000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_identities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "issuer" character varying(500) NOT NULL, "subject" character varying(255) NOT NULL, "user_id" uuid NOT NULL, "email" character varying(254), "represents" character varying(10) array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_login_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "user_identities_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "user_identities_issuer_subject_unique" ON "user_identities" ("issuer", "subject") ',
    );
    await queryRunner.query('CREATE INDEX "user_identities_user_id_idx" ON "user_identities" ("user_id") ');
    await queryRunner.query(
      'ALTER TABLE "user_identities" ADD CONSTRAINT "user_identities_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "user_identities"');
  }
}
