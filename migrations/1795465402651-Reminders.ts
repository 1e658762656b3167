import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reminders1795465402651 implements MigrationInterface {
  name = 'Reminders1795465402651';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "reminders" ("dossier_id" uuid NOT NULL, "offset_minutes" integer NOT NULL, "sent" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0c5db8cd0e77944d39cdcddebb6" PRIMARY KEY ("dossier_id", "offset_minutes"))',
    );
    await queryRunner.query(
      'ALTER TABLE "calls" ADD "reminder_offsets_minutes" integer array NOT NULL DEFAULT \'{10080,1440,120}\'',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "calls" DROP COLUMN "reminder_offsets_minutes"');
    await queryRunner.query('DROP TABLE "reminders"');
  }
}
