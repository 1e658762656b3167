import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reviewer panels per call, external experts, the conflict statement before scoring, due-date reminders (ADR 0013). */
export class ReviewerPanels1795500000100 implements MigrationInterface {
  name = 'ReviewerPanels1795500000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "review_panels" ("call_id" uuid NOT NULL, "per_dossier" integer NOT NULL DEFAULT \'3\', "due_at" TIMESTAMP WITH TIME ZONE, "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "review_panels_per_dossier_range" CHECK (per_dossier BETWEEN 1 AND 10), CONSTRAINT "PK_09b04225f8c153f3f327d0ebe5e" PRIMARY KEY ("call_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "review_panel_members" ("call_id" uuid NOT NULL, "user_id" uuid NOT NULL, "external" boolean NOT NULL DEFAULT false, "added_by" uuid NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cdf468247fffab856a2b0d196b1" PRIMARY KEY ("call_id", "user_id"))',
    );
    await queryRunner.query('CREATE INDEX "review_panel_members_user_idx" ON "review_panel_members"  ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "review_due_reminders" ("assignment_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "review_due_reminders_kind_known" CHECK (kind IN (\'before\',\'after\')), CONSTRAINT "PK_af1e9fadd03015da60e7f8302e6" PRIMARY KEY ("assignment_id", "kind"))',
    );
    await queryRunner.query('ALTER TABLE "review_assignments" ADD "no_conflict_stated_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "staff_invitations" ADD "call_id" uuid');
    await queryRunner.query(
      'ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_expert_reviewer_only" CHECK (call_id IS NULL OR roles = ARRAY[\'reviewer\']::varchar[])',
    );
    await queryRunner.query(
      'ALTER TABLE "review_panels" ADD CONSTRAINT "review_panels_call_fk" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "review_panel_members" ADD CONSTRAINT "review_panel_members_panel_fk" FOREIGN KEY ("call_id") REFERENCES "review_panels"("call_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "review_panel_members" ADD CONSTRAINT "review_panel_members_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "review_due_reminders" ADD CONSTRAINT "review_due_reminders_assignment_fk" FOREIGN KEY ("assignment_id") REFERENCES "review_assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_call_fk" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Scores only after the reviewer stated having no conflict with the applicant; the API checks it under the
    // assignment's lock, the database holds it for every writer (ADR 0013).
    await queryRunner.query(`
      CREATE FUNCTION review_scores_need_statement() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM review_assignments
                        WHERE id = NEW.assignment_id AND no_conflict_stated_at IS NOT NULL) THEN
          PERFORM lifecycle_refuse('CONFLICT_STATEMENT_REQUIRED', 'review.score', 'assessment');
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER review_scores_need_statement BEFORE INSERT OR UPDATE ON review_scores
             FOR EACH ROW EXECUTE FUNCTION review_scores_need_statement()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER review_scores_need_statement ON review_scores');
    await queryRunner.query('DROP FUNCTION review_scores_need_statement()');
    await queryRunner.query('ALTER TABLE "staff_invitations" DROP CONSTRAINT "staff_invitations_call_fk"');
    await queryRunner.query('ALTER TABLE "review_due_reminders" DROP CONSTRAINT "review_due_reminders_assignment_fk"');
    await queryRunner.query('ALTER TABLE "review_panel_members" DROP CONSTRAINT "review_panel_members_user_fk"');
    await queryRunner.query('ALTER TABLE "review_panel_members" DROP CONSTRAINT "review_panel_members_panel_fk"');
    await queryRunner.query('ALTER TABLE "review_panels" DROP CONSTRAINT "review_panels_call_fk"');
    await queryRunner.query('ALTER TABLE "staff_invitations" DROP CONSTRAINT "staff_invitations_expert_reviewer_only"');
    await queryRunner.query('ALTER TABLE "staff_invitations" DROP COLUMN "call_id"');
    await queryRunner.query('ALTER TABLE "review_assignments" DROP COLUMN "no_conflict_stated_at"');
    await queryRunner.query('DROP TABLE "review_due_reminders"');
    await queryRunner.query('DROP INDEX "public"."review_panel_members_user_idx"');
    await queryRunner.query('DROP TABLE "review_panel_members"');
    await queryRunner.query('DROP TABLE "review_panels"');
  }
}
