import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a call is about, for applicants and for its letters: objectives, target group, how it is assessed, contact
 * person, regulation, and the texts its decision letters quote (appeal route and term, conditions of an award). One
 * jsonb document (its shape is the contracts' CallInformation, checked by the API's DTO). Like the title and the
 * criteria it may change until the minister holds the proposal, never after the decision: the calls trigger freezes it.
 */
export class CallInformation1795500000500 implements MigrationInterface {
  name = 'CallInformation1795500000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calls" ADD "information" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION calls_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        phase text;
        awarded bigint;
        latest text;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status <> 'draft' THEN PERFORM lifecycle_refuse('CALL_PHASE_FORBIDS', 'call.delete', call_phase(OLD)); END IF;
          RETURN OLD;
        END IF;
        phase := call_phase(OLD);
        IF NEW.status IS DISTINCT FROM OLD.status AND NOT (OLD.status = 'draft' AND NEW.status = 'published') THEN
          PERFORM lifecycle_refuse('CALL_PHASE_FORBIDS', 'call.status', phase);
        END IF;
        IF NEW.assessment_stage IS DISTINCT FROM OLD.assessment_stage THEN
          IF (OLD.assessment_stage, NEW.assessment_stage) NOT IN
             (('none','assessment'), ('assessment','proposal_sent'), ('proposal_sent','assessment'), ('proposal_sent','decided')) THEN
            PERFORM lifecycle_refuse('CALL_PHASE_FORBIDS', 'call.stage', phase);
          END IF;
          IF OLD.assessment_stage = 'none' AND phase <> 'closed' THEN
            PERFORM lifecycle_refuse(CASE WHEN phase = 'published' THEN 'CALL_STILL_OPEN' ELSE 'CALL_PHASE_FORBIDS' END, 'call.stage', phase);
          END IF;
          SELECT status INTO latest FROM (
            SELECT status, created_at FROM selection_proposals WHERE call_id = NEW.id
            UNION ALL SELECT status, created_at FROM catalogue_allocations WHERE call_id = NEW.id
            ORDER BY created_at DESC LIMIT 1) l;
          IF NEW.assessment_stage = 'proposal_sent' AND latest IS DISTINCT FROM 'sent' THEN
            PERFORM lifecycle_refuse('PROPOSAL_STATE', 'call.stage', phase);
          END IF;
          IF NEW.assessment_stage = 'decided' AND latest IS DISTINCT FROM 'approved' THEN
            PERFORM lifecycle_refuse('PROPOSAL_STATE', 'call.stage', phase);
          END IF;
          IF OLD.assessment_stage = 'proposal_sent' AND NEW.assessment_stage = 'assessment' AND latest IS DISTINCT FROM 'returned' THEN
            PERFORM lifecycle_refuse('PROPOSAL_STATE', 'call.stage', phase);
          END IF;
        END IF;
        -- What applicants were told, and what admissibility was checked against: frozen once the assessment started.
        IF phase IN ('assessment','proposal_sent','decided') AND
           (NEW.code, NEW.kind, NEW.catalogue, NEW.opens_at, NEW.closes_at, NEW.applicant_kinds, NEW.max_requested_cents,
            NEW.project_start, NEW.project_end, NEW.one_dossier_per_applicant, NEW.attachments, NEW.questions)
           IS DISTINCT FROM
           (OLD.code, OLD.kind, OLD.catalogue, OLD.opens_at, OLD.closes_at, OLD.applicant_kinds, OLD.max_requested_cents,
            OLD.project_start, OLD.project_end, OLD.one_dossier_per_applicant, OLD.attachments, OLD.questions) THEN
          PERFORM lifecycle_refuse('CALL_PHASE_FORBIDS', 'call.edit', phase);
        END IF;
        -- The rules the ranking uses and what the letters quote (the call's information): not while the minister holds the proposal, never after the decision.
        IF phase IN ('proposal_sent','decided') AND
           (NEW.criteria, NEW.tie_break, NEW.title, NEW.description, NEW.policy_domains, NEW.information)
           IS DISTINCT FROM
           (OLD.criteria, OLD.tie_break, OLD.title, OLD.description, OLD.policy_domains, OLD.information) THEN
          PERFORM lifecycle_refuse('CALL_PHASE_FORBIDS', 'call.editAssessmentRules', phase);
        END IF;
        IF NEW.budget_cents IS DISTINCT FROM OLD.budget_cents THEN
          IF phase = 'proposal_sent' THEN
            PERFORM lifecycle_refuse('CALL_PHASE_FORBIDS', 'budget.decide', phase);
          END IF;
          IF phase = 'decided' AND NOT (NEW.budget_cents > OLD.budget_cents AND EXISTS (
               SELECT 1 FROM budget_decisions b
                WHERE b.call_id = NEW.id AND b.before_cents = OLD.budget_cents AND b.after_cents = NEW.budget_cents)) THEN
            PERFORM lifecycle_refuse('CALL_DECIDED', 'budget.decide', phase);
          END IF;
          SELECT coalesce(sum(granted_cents), 0) INTO awarded FROM dossiers WHERE call_id = NEW.id AND status = 'awarded';
          IF NEW.budget_cents < awarded THEN
            PERFORM lifecycle_refuse('BUDGET_BELOW_AWARDED', 'budget.decide', phase);
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION calls_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        phase text;
        awarded bigint;
        latest text;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status <> 'draft' THEN PERFORM lifecycle_refuse('CALL_PHASE_FORBIDS', 'call.delete', call_phase(OLD)); END IF;
          RETURN OLD;
        END IF;
        phase := call_phase(OLD);
        IF NEW.status IS DISTINCT FROM OLD.status AND NOT (OLD.status = 'draft' AND NEW.status = 'published') THEN
          PERFORM lifecycle_refuse('CALL_PHASE_FORBIDS', 'call.status', phase);
        END IF;
        IF NEW.assessment_stage IS DISTINCT FROM OLD.assessment_stage THEN
          IF (OLD.assessment_stage, NEW.assessment_stage) NOT IN
             (('none','assessment'), ('assessment','proposal_sent'), ('proposal_sent','assessment'), ('proposal_sent','decided')) THEN
            PERFORM lifecycle_refuse('CALL_PHASE_FORBIDS', 'call.stage', phase);
          END IF;
          IF OLD.assessment_stage = 'none' AND phase <> 'closed' THEN
            PERFORM lifecycle_refuse(CASE WHEN phase = 'published' THEN 'CALL_STILL_OPEN' ELSE 'CALL_PHASE_FORBIDS' END, 'call.stage', phase);
          END IF;
          SELECT status INTO latest FROM (
            SELECT status, created_at FROM selection_proposals WHERE call_id = NEW.id
            UNION ALL SELECT status, created_at FROM catalogue_allocations WHERE call_id = NEW.id
            ORDER BY created_at DESC LIMIT 1) l;
          IF NEW.assessment_stage = 'proposal_sent' AND latest IS DISTINCT FROM 'sent' THEN
            PERFORM lifecycle_refuse('PROPOSAL_STATE', 'call.stage', phase);
          END IF;
          IF NEW.assessment_stage = 'decided' AND latest IS DISTINCT FROM 'approved' THEN
            PERFORM lifecycle_refuse('PROPOSAL_STATE', 'call.stage', phase);
          END IF;
          IF OLD.assessment_stage = 'proposal_sent' AND NEW.assessment_stage = 'assessment' AND latest IS DISTINCT FROM 'returned' THEN
            PERFORM lifecycle_refuse('PROPOSAL_STATE', 'call.stage', phase);
          END IF;
        END IF;
        -- What applicants were told, and what admissibility was checked against: frozen once the assessment started.
        IF phase IN ('assessment','proposal_sent','decided') AND
           (NEW.code, NEW.kind, NEW.catalogue, NEW.opens_at, NEW.closes_at, NEW.applicant_kinds, NEW.max_requested_cents,
            NEW.project_start, NEW.project_end, NEW.one_dossier_per_applicant, NEW.attachments, NEW.questions)
           IS DISTINCT FROM
           (OLD.code, OLD.kind, OLD.catalogue, OLD.opens_at, OLD.closes_at, OLD.applicant_kinds, OLD.max_requested_cents,
            OLD.project_start, OLD.project_end, OLD.one_dossier_per_applicant, OLD.attachments, OLD.questions) THEN
          PERFORM lifecycle_refuse('CALL_PHASE_FORBIDS', 'call.edit', phase);
        END IF;
        -- The rules the ranking uses: not while the minister holds the proposal, never after the decision.
        IF phase IN ('proposal_sent','decided') AND
           (NEW.criteria, NEW.tie_break, NEW.title, NEW.description, NEW.policy_domains)
           IS DISTINCT FROM (OLD.criteria, OLD.tie_break, OLD.title, OLD.description, OLD.policy_domains) THEN
          PERFORM lifecycle_refuse('CALL_PHASE_FORBIDS', 'call.editAssessmentRules', phase);
        END IF;
        IF NEW.budget_cents IS DISTINCT FROM OLD.budget_cents THEN
          IF phase = 'proposal_sent' THEN
            PERFORM lifecycle_refuse('CALL_PHASE_FORBIDS', 'budget.decide', phase);
          END IF;
          IF phase = 'decided' AND NOT (NEW.budget_cents > OLD.budget_cents AND EXISTS (
               SELECT 1 FROM budget_decisions b
                WHERE b.call_id = NEW.id AND b.before_cents = OLD.budget_cents AND b.after_cents = NEW.budget_cents)) THEN
            PERFORM lifecycle_refuse('CALL_DECIDED', 'budget.decide', phase);
          END IF;
          SELECT coalesce(sum(granted_cents), 0) INTO awarded FROM dossiers WHERE call_id = NEW.id AND status = 'awarded';
          IF NEW.budget_cents < awarded THEN
            PERFORM lifecycle_refuse('BUDGET_BELOW_AWARDED', 'budget.decide', phase);
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query('ALTER TABLE "calls" DROP COLUMN "information"');
  }
}
