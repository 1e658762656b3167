import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * After the award (ADR 0024): a call's reporting settings, the dossiers' interim and final reports, their due-date
 * reminders, and change requests. The database holds the rules that must stay true whoever writes: a change never
 * raises the granted amount, a decided change request and an approved report never change, and reports and change
 * requests exist only for awarded dossiers.
 */
export class AfterAward1795500001100 implements MigrationInterface {
  name = 'AfterAward1795500001100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "call_report_settings" ("call_id" uuid NOT NULL, "interim_required" boolean NOT NULL DEFAULT false, "interim_due_at" TIMESTAMP WITH TIME ZONE, "final_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "indicators" jsonb NOT NULL DEFAULT \'[]\', "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "call_report_settings_interim_due" CHECK (NOT interim_required OR interim_due_at IS NOT NULL), CONSTRAINT "PK_518dc7a3dee2ad3418f29327f79" PRIMARY KEY ("call_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "dossier_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "status" character varying(20) NOT NULL DEFAULT \'draft\', "version" integer NOT NULL DEFAULT \'1\', "narrative" text NOT NULL DEFAULT \'\', "indicators" jsonb NOT NULL DEFAULT \'[]\', "cost_lines" jsonb NOT NULL DEFAULT \'[]\', "planned_costs_cents" bigint NOT NULL, "granted_cents" bigint NOT NULL, "accepted_costs_cents" bigint, "declaration" text, "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, "motivation" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "dossier_reports_approved_has_accepted_costs" CHECK (status <> \'approved\' OR (accepted_costs_cents IS NOT NULL AND decided_at IS NOT NULL)), CONSTRAINT "dossier_reports_amounts_not_negative" CHECK (planned_costs_cents >= 0 AND granted_cents >= 0 AND (accepted_costs_cents IS NULL OR accepted_costs_cents >= 0)), CONSTRAINT "dossier_reports_status_known" CHECK (status IN (\'draft\',\'submitted\',\'changes_requested\',\'approved\')), CONSTRAINT "dossier_reports_kind_known" CHECK (kind IN (\'interim\',\'final\')), CONSTRAINT "PK_db63ce5e296791e9d1fcae793cf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "dossier_reports_one_per_kind" ON "dossier_reports"  ("dossier_id", "kind") ',
    );
    await queryRunner.query(
      'CREATE TABLE "report_due_reminders" ("dossier_id" uuid NOT NULL, "report_kind" character varying(10) NOT NULL, "kind" character varying(10) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "report_due_reminders_kinds_known" CHECK (report_kind IN (\'interim\',\'final\') AND kind IN (\'before\',\'after\')), CONSTRAINT "PK_4f473474a7fcee5655929f649ec" PRIMARY KEY ("dossier_id", "report_kind", "kind"))',
    );
    await queryRunner.query(
      'CREATE TABLE "change_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "motivation" text NOT NULL, "new_end_date" date, "granted_cents_before" bigint NOT NULL, "granted_cents_after" bigint, "status" character varying(20) NOT NULL DEFAULT \'requested\', "requested_by" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, "decision_motivation" text, CONSTRAINT "change_requests_decided_motivated" CHECK (status = \'requested\' OR (decision_motivation IS NOT NULL AND decided_at IS NOT NULL)), CONSTRAINT "change_requests_never_raise" CHECK (granted_cents_after IS NULL OR (granted_cents_after >= 0 AND granted_cents_after <= granted_cents_before)), CONSTRAINT "change_requests_status_known" CHECK (status IN (\'requested\',\'approved\',\'refused\')), CONSTRAINT "change_requests_kind_known" CHECK (kind IN (\'period\',\'budget_shift\',\'partner\',\'other\')), CONSTRAINT "PK_e3f28255a6e818820f18f6d5956" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "change_requests_dossier_idx" ON "change_requests"  ("dossier_id") ');
    await queryRunner.query(
      'ALTER TABLE "call_report_settings" ADD CONSTRAINT "call_report_settings_call_fk" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier_reports" ADD CONSTRAINT "dossier_reports_dossier_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "report_due_reminders" ADD CONSTRAINT "report_due_reminders_dossier_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_dossier_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );

    // A change request or a report belongs to an awarded dossier; a change never asks more than the dossier's
    // granted amount (the CHECK compares with the amount copied at the request, this with the dossier itself).
    await queryRunner.query(`
      CREATE FUNCTION change_requests_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE d dossiers;
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.status <> 'requested' THEN
          PERFORM lifecycle_refuse('CHANGE_REQUEST_DECIDED', 'change.decide', 'decided');
        END IF;
        SELECT * INTO d FROM dossiers WHERE id = NEW.dossier_id;
        -- A request is made on an awarded dossier; one made before the organisation declined can still be decided.
        IF TG_OP = 'INSERT' AND d.status <> 'awarded' THEN
          PERFORM lifecycle_refuse('AWARDED_DOSSIERS_ONLY', 'change.request', 'decided');
        END IF;
        IF NEW.granted_cents_before <> COALESCE(d.granted_cents, 0)
           OR (NEW.granted_cents_after IS NOT NULL AND NEW.granted_cents_after > COALESCE(d.granted_cents, 0)) THEN
          PERFORM lifecycle_refuse('GRANT_INCREASE_REFUSED', 'change.request', 'decided');
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER change_requests_guard BEFORE INSERT OR UPDATE ON change_requests
             FOR EACH ROW EXECUTE FUNCTION change_requests_guard()`);
    await queryRunner.query(`
      CREATE FUNCTION dossier_reports_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.status = 'approved' THEN
          PERFORM lifecycle_refuse('REPORT_NOT_EDITABLE', 'report.change', 'decided');
        END IF;
        IF TG_OP = 'INSERT' AND NOT EXISTS (SELECT 1 FROM dossiers WHERE id = NEW.dossier_id AND status = 'awarded') THEN
          PERFORM lifecycle_refuse('AWARDED_DOSSIERS_ONLY', 'report.start', 'decided');
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER dossier_reports_guard BEFORE INSERT OR UPDATE ON dossier_reports
             FOR EACH ROW EXECUTE FUNCTION dossier_reports_guard()`);
    // Nothing after the award is deleted: the history of reports and changes is the dossier's.
    await queryRunner.query(`
      CREATE FUNCTION after_award_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM lifecycle_refuse('CALL_DECIDED', 'after_award.delete', 'decided');
        RETURN OLD;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER dossier_reports_no_delete BEFORE DELETE ON dossier_reports
             FOR EACH ROW EXECUTE FUNCTION after_award_no_delete()`);
    await queryRunner.query(`CREATE TRIGGER change_requests_no_delete BEFORE DELETE ON change_requests
             FOR EACH ROW EXECUTE FUNCTION after_award_no_delete()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER change_requests_no_delete ON change_requests');
    await queryRunner.query('DROP TRIGGER dossier_reports_no_delete ON dossier_reports');
    await queryRunner.query('DROP FUNCTION after_award_no_delete()');
    await queryRunner.query('DROP TRIGGER dossier_reports_guard ON dossier_reports');
    await queryRunner.query('DROP FUNCTION dossier_reports_guard()');
    await queryRunner.query('DROP TRIGGER change_requests_guard ON change_requests');
    await queryRunner.query('DROP FUNCTION change_requests_guard()');
    await queryRunner.query('ALTER TABLE "change_requests" DROP CONSTRAINT "change_requests_dossier_fk"');
    await queryRunner.query('ALTER TABLE "report_due_reminders" DROP CONSTRAINT "report_due_reminders_dossier_fk"');
    await queryRunner.query('ALTER TABLE "dossier_reports" DROP CONSTRAINT "dossier_reports_dossier_fk"');
    await queryRunner.query('ALTER TABLE "call_report_settings" DROP CONSTRAINT "call_report_settings_call_fk"');
    await queryRunner.query('DROP INDEX "public"."change_requests_dossier_idx"');
    await queryRunner.query('DROP TABLE "change_requests"');
    await queryRunner.query('DROP TABLE "report_due_reminders"');
    await queryRunner.query('DROP INDEX "public"."dossier_reports_one_per_kind"');
    await queryRunner.query('DROP TABLE "dossier_reports"');
    await queryRunner.query('DROP TABLE "call_report_settings"');
  }
}
