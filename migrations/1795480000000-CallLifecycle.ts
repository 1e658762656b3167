import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The call's lifecycle, held by the database (ADR 0009): draft -> published -> closed (by the database clock, at the
 * end of the closing second) -> assessment -> proposal_sent -> decided. Every table that feeds a decision refuses what
 * the call's phase forbids, whatever code path writes to it:
 * - a write that depends on the phase takes the call row FOR SHARE, a phase change updates the call row: the two
 *   serialise, so no check-then-write can straddle a phase change;
 * - refusals are raised with SQLSTATE 'PL409' and the stable error code as message; the API answers them as 409s.
 * Fixtures that fabricate history (tests, the demo seed) use `SET LOCAL session_replication_role = replica`, which only
 * a superuser may set; the application's own role in production is not one (docs/deployment in README).
 */
export class CallLifecycle1795480000000 implements MigrationInterface {
  name = 'CallLifecycle1795480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);

    // ---- columns and the budget decisions ----
    await q(`ALTER TABLE "calls" ADD "assessment_stage" character varying(20) NOT NULL DEFAULT 'none'`);
    await q(
      `ALTER TABLE "calls" ADD CONSTRAINT "calls_assessment_stage_known" CHECK (assessment_stage IN ('none','assessment','proposal_sent','decided'))`,
    );
    await q(`ALTER TABLE "selection_proposals" ADD "fingerprint" character varying(32)`);
    await q(`ALTER TABLE "selection_proposals" ADD "open_reviews" integer NOT NULL DEFAULT 0`);
    await q(`ALTER TABLE "catalogue_allocations" ADD "fingerprint" character varying(32)`);
    await q(
      `CREATE TABLE "budget_decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "before_cents" bigint NOT NULL, "after_cents" bigint NOT NULL, "motivation" text NOT NULL, "decided_by" uuid NOT NULL, "decided_role" character varying(20) NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decision_date" date, "decision_reference" character varying(100), CONSTRAINT "budget_decisions_raise_only" CHECK (after_cents > before_cents), CONSTRAINT "PK_budget_decisions" PRIMARY KEY ("id"))`,
    );
    await q(`CREATE INDEX "budget_decisions_call_idx" ON "budget_decisions" ("call_id") `);
    await q(
      `ALTER TABLE "budget_decisions" ADD CONSTRAINT "budget_decisions_call_fk" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Calls already past their decision when this runs: an approved proposal or allocation means decided.
    await q(`UPDATE calls c SET assessment_stage = 'decided'
              WHERE EXISTS (SELECT 1 FROM selection_proposals p WHERE p.call_id = c.id AND p.status = 'approved')
                 OR EXISTS (SELECT 1 FROM catalogue_allocations a WHERE a.call_id = c.id AND a.status = 'approved')`);
    await q(`UPDATE calls c SET assessment_stage = 'proposal_sent' WHERE assessment_stage = 'none'
                AND (EXISTS (SELECT 1 FROM selection_proposals p WHERE p.call_id = c.id AND p.status = 'sent')
                  OR EXISTS (SELECT 1 FROM catalogue_allocations a WHERE a.call_id = c.id AND a.status = 'sent'))`);
    await q(`UPDATE calls c SET assessment_stage = 'assessment' WHERE assessment_stage = 'none'
                AND (EXISTS (SELECT 1 FROM dossiers d JOIN admissibility_decisions a ON a.dossier_id = d.id WHERE d.call_id = c.id)
                  OR EXISTS (SELECT 1 FROM selection_proposals p WHERE p.call_id = c.id)
                  OR EXISTS (SELECT 1 FROM catalogue_allocations a WHERE a.call_id = c.id))`);

    // ---- the phase, the refusal, the lock ----
    await q(`
      CREATE FUNCTION call_phase(c calls) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT CASE
          WHEN c.status <> 'published' THEN 'draft'
          WHEN c.assessment_stage <> 'none' THEN c.assessment_stage
          WHEN now() < date_trunc('second', c.closes_at) + interval '1 second' THEN 'published'
          ELSE 'closed' END
      $$`);
    await q(`
      CREATE FUNCTION lifecycle_refuse(code text, act text, phase text) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION USING ERRCODE = 'PL409',
          MESSAGE = CASE WHEN phase = 'decided' AND code IN ('CALL_PHASE_FORBIDS','DEADLINE_PASSED','DOSSIER_READ_ONLY')
                         THEN 'CALL_DECIDED' ELSE code END,
          DETAIL = json_build_object('act', act, 'phase', phase)::text;
      END $$`);
    // The phase of a call for a write that depends on it: the row is held FOR SHARE until the write commits.
    await q(`
      CREATE FUNCTION call_phase_for_write(p_call uuid) RETURNS text LANGUAGE plpgsql AS $$
      DECLARE c calls;
      BEGIN
        SELECT * INTO c FROM calls WHERE id = p_call FOR SHARE;
        IF NOT FOUND THEN RETURN 'draft'; END IF;
        RETURN call_phase(c);
      END $$`);
    await q(`
      CREATE FUNCTION call_of_dossier(p_dossier uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
        SELECT call_id FROM dossiers WHERE id = p_dossier
      $$`);
    // What the ranking and the proposal are computed from; a proposal computed on other inputs is stale.
    await q(`
      CREATE FUNCTION assessment_fingerprint(p_call uuid) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT md5(concat_ws('|',
          c.budget_cents::text, c.criteria::text, c.tie_break::text,
          (SELECT string_agg(a.dossier_id::text || ':' || a.decision, ',' ORDER BY a.dossier_id)
             FROM admissibility_decisions a JOIN dossiers d ON d.id = a.dossier_id WHERE d.call_id = c.id),
          (SELECT string_agg(r.id::text || ':' || r.status, ',' ORDER BY r.id)
             FROM review_assignments r JOIN dossiers d ON d.id = r.dossier_id WHERE d.call_id = c.id),
          (SELECT string_agg(s.dossier_id::text || ':' || s.criterion_code || ':' || s.score::text, ','
                             ORDER BY s.dossier_id, s.criterion_code)
             FROM consensus_scores s JOIN dossiers d ON d.id = s.dossier_id WHERE d.call_id = c.id),
          (SELECT string_agg(d.id::text || ':' || d.status || ':' || d.submission_count, ',' ORDER BY d.id)
             FROM dossiers d WHERE d.call_id = c.id AND d.submission_count > 0)))
        FROM calls c WHERE c.id = p_call
      $$`);
    // Reviews still open on admissible dossiers: a proposal cannot go to the minister while there are any.
    await q(`
      CREATE FUNCTION open_reviews(p_call uuid) RETURNS integer LANGUAGE sql STABLE AS $$
        SELECT count(*)::integer FROM review_assignments r
          JOIN dossiers d ON d.id = r.dossier_id
          JOIN admissibility_decisions a ON a.dossier_id = d.id AND a.decision = 'admissible'
         WHERE d.call_id = p_call AND r.status = 'assigned' AND d.status <> 'withdrawn'
      $$`);

    // ---- calls: the stage machine and the settings each phase freezes ----
    await q(`
      CREATE FUNCTION calls_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q(
      `CREATE TRIGGER calls_lifecycle BEFORE UPDATE OR DELETE ON calls FOR EACH ROW EXECUTE FUNCTION calls_lifecycle()`,
    );

    // ---- dossiers: content while open, each status change in its phase, a decision only as approved ----
    await q(`
      CREATE FUNCTION decision_covers(p_call uuid, p_dossier uuid, p_status text, p_granted bigint) RETURNS boolean
      LANGUAGE sql STABLE AS $$
        SELECT EXISTS (
            SELECT 1 FROM selection_proposals p
             WHERE p.call_id = p_call AND p.status = 'approved'
               AND CASE WHEN p_status = 'awarded'
                   THEN p.lines @> jsonb_build_array(jsonb_build_object('dossierId', p_dossier::text, 'outcome', 'selected', 'grantedCents', p_granted))
                   ELSE p_granted = 0 AND p.lines @> jsonb_build_array(jsonb_build_object('dossierId', p_dossier::text, 'outcome', 'rejected'))
                   END)
          OR (p_status = 'awarded' AND EXISTS (
            SELECT 1 FROM reserve_promotions r
             WHERE r.dossier_id = p_dossier AND r.status = 'confirmed' AND r.granted_cents = p_granted))
          OR EXISTS (
            SELECT 1 FROM catalogue_allocations a
             WHERE a.call_id = p_call AND a.status = 'approved' AND (p_status = 'awarded') = (p_granted > 0)
               AND a.result->'explanations' @> jsonb_build_array(jsonb_build_object('subscriberId', p_dossier::text, 'grantedCents', p_granted)))
      $$`);
    await q(`
      CREATE FUNCTION dossiers_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE phase text;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          phase := call_phase_for_write(OLD.call_id);
          IF OLD.submission_count > 0 OR phase NOT IN ('draft','published') THEN
            PERFORM lifecycle_refuse('DOSSIER_READ_ONLY', 'dossier.delete', phase);
          END IF;
          RETURN OLD;
        END IF;
        phase := call_phase_for_write(NEW.call_id);
        IF TG_OP = 'INSERT' THEN
          IF phase <> 'published' THEN
            PERFORM lifecycle_refuse(CASE WHEN phase = 'draft' THEN 'NOT_FOUND' ELSE 'DEADLINE_PASSED' END, 'dossier.edit', phase);
          END IF;
          RETURN NEW;
        END IF;
        IF (NEW.call_id, NEW.applicant_id, NEW.slot, NEW.created_by) IS DISTINCT FROM (OLD.call_id, OLD.applicant_id, OLD.slot, OLD.created_by) THEN
          PERFORM lifecycle_refuse('DOSSIER_READ_ONLY', 'dossier.edit', phase);
        END IF;
        IF (NEW.title, NEW.summary, NEW.answers, NEW.project_start, NEW.project_end, NEW.budget_lines, NEW.subscription,
            NEW.own_contribution_cents, NEW.other_income_cents, NEW.requested_cents, NEW.submission_count, NEW.reference,
            NEW.last_content_hash, NEW.submitted_at)
           IS DISTINCT FROM
           (OLD.title, OLD.summary, OLD.answers, OLD.project_start, OLD.project_end, OLD.budget_lines, OLD.subscription,
            OLD.own_contribution_cents, OLD.other_income_cents, OLD.requested_cents, OLD.submission_count, OLD.reference,
            OLD.last_content_hash, OLD.submitted_at) THEN
          IF phase <> 'published' THEN PERFORM lifecycle_refuse('DEADLINE_PASSED', 'dossier.edit', phase); END IF;
          IF OLD.status NOT IN ('draft','submitted') THEN PERFORM lifecycle_refuse('DOSSIER_READ_ONLY', 'dossier.edit', phase); END IF;
        END IF;
        IF NEW.status IS DISTINCT FROM OLD.status OR NEW.granted_cents IS DISTINCT FROM OLD.granted_cents THEN
          IF OLD.status IN ('draft','submitted') AND NEW.status IN ('submitted','withdrawn') AND NEW.granted_cents IS NULL THEN
            IF phase <> 'published' THEN PERFORM lifecycle_refuse('DEADLINE_PASSED', 'dossier.' || NEW.status, phase); END IF;
          ELSIF (OLD.status, NEW.status) IN (('submitted','inadmissible'), ('inadmissible','submitted')) AND NEW.granted_cents IS NULL THEN
            IF phase NOT IN ('closed','assessment') THEN
              PERFORM lifecycle_refuse(CASE WHEN phase = 'published' THEN 'CALL_STILL_OPEN' ELSE 'CALL_PHASE_FORBIDS' END, 'admissibility.decide', phase);
            END IF;
          ELSIF OLD.status = 'submitted' AND NEW.status IN ('awarded','rejected') THEN
            IF phase <> 'decided' OR NEW.granted_cents IS NULL OR NOT decision_covers(NEW.call_id, NEW.id, NEW.status, NEW.granted_cents) THEN
              PERFORM lifecycle_refuse('DECISION_NOT_APPROVED', 'proposal.approve', phase);
            END IF;
          ELSIF OLD.status = 'awarded' AND NEW.status = 'declined' AND NEW.granted_cents IS NOT DISTINCT FROM OLD.granted_cents THEN
            IF phase <> 'decided' THEN PERFORM lifecycle_refuse('CALL_PHASE_FORBIDS', 'award.decline', phase); END IF;
          ELSE
            PERFORM lifecycle_refuse(CASE WHEN OLD.status = 'withdrawn' THEN 'DOSSIER_READ_ONLY' ELSE 'DOSSIER_TRANSITION_FORBIDDEN' END,
                                     'dossier.' || OLD.status || '->' || NEW.status, phase);
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q(
      `CREATE TRIGGER dossiers_lifecycle BEFORE INSERT OR UPDATE OR DELETE ON dossiers FOR EACH ROW EXECUTE FUNCTION dossiers_lifecycle()`,
    );
    await q(`
      CREATE FUNCTION dossiers_awarded_within_budget() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE awarded bigint; budget bigint;
      BEGIN
        SELECT budget_cents INTO budget FROM calls WHERE id = NEW.call_id;
        SELECT coalesce(sum(granted_cents), 0) INTO awarded FROM dossiers WHERE call_id = NEW.call_id AND status = 'awarded';
        IF awarded > budget THEN
          RAISE EXCEPTION USING ERRCODE = 'PL409', MESSAGE = 'BUDGET_EXCEEDED',
            DETAIL = json_build_object('grantedCents', awarded, 'budgetCents', budget)::text;
        END IF;
        RETURN NULL;
      END $$`);
    await q(`CREATE TRIGGER dossiers_awarded_within_budget AFTER INSERT OR UPDATE ON dossiers FOR EACH ROW
             WHEN (NEW.status = 'awarded') EXECUTE FUNCTION dossiers_awarded_within_budget()`);

    // ---- submitted versions and attachments ----
    await q(`
      CREATE FUNCTION dossier_submissions_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE phase text;
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          PERFORM lifecycle_refuse('SUBMISSION_IMMUTABLE', 'submission.' || lower(TG_OP), call_phase_for_write(call_of_dossier(OLD.dossier_id)));
        END IF;
        phase := call_phase_for_write(call_of_dossier(NEW.dossier_id));
        IF phase <> 'published' THEN PERFORM lifecycle_refuse('DEADLINE_PASSED', 'dossier.submit', phase); END IF;
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER dossier_submissions_lifecycle BEFORE INSERT OR UPDATE OR DELETE ON dossier_submissions
             FOR EACH ROW EXECUTE FUNCTION dossier_submissions_lifecycle()`);
    await q(`
      CREATE FUNCTION attachments_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE phase text;
      BEGIN
        phase := call_phase_for_write(call_of_dossier(CASE WHEN TG_OP = 'DELETE' THEN OLD.dossier_id ELSE NEW.dossier_id END));
        IF phase <> 'published' THEN PERFORM lifecycle_refuse('DEADLINE_PASSED', 'dossier.edit', phase); END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER attachments_lifecycle BEFORE INSERT OR UPDATE OR DELETE ON attachments
             FOR EACH ROW EXECUTE FUNCTION attachments_lifecycle()`);

    // ---- admissibility, assignments, scores, consensus: only while the call is in assessment ----
    await q(`
      CREATE FUNCTION assessment_phase_or_refuse(p_call uuid, act text) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE phase text;
      BEGIN
        phase := call_phase_for_write(p_call);
        IF phase NOT IN ('closed','assessment') THEN
          PERFORM lifecycle_refuse(CASE WHEN phase IN ('draft','published') THEN 'CALL_STILL_OPEN' ELSE 'CALL_PHASE_FORBIDS' END, act, phase);
        END IF;
      END $$`);
    // Admissibility decisions and consensus scores: rows of a dossier, written only while its call is in assessment.
    // The act named in refusals is the trigger's argument.
    await q(`
      CREATE FUNCTION dossier_assessment_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM assessment_phase_or_refuse(call_of_dossier(CASE WHEN TG_OP = 'DELETE' THEN OLD.dossier_id ELSE NEW.dossier_id END), TG_ARGV[0]);
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER admissibility_lifecycle BEFORE INSERT OR UPDATE OR DELETE ON admissibility_decisions
             FOR EACH ROW EXECUTE FUNCTION dossier_assessment_lifecycle('admissibility.decide')`);
    await q(`CREATE TRIGGER consensus_lifecycle BEFORE INSERT OR UPDATE OR DELETE ON consensus_scores
             FOR EACH ROW EXECUTE FUNCTION dossier_assessment_lifecycle('consensus.set')`);
    // A review is assigned, then either submitted or closed by a conflict of interest; both are final.
    await q(`
      CREATE FUNCTION review_assignments_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM lifecycle_refuse('CALL_PHASE_FORBIDS', 'review.delete', call_phase_for_write(call_of_dossier(OLD.dossier_id)));
        END IF;
        IF TG_OP = 'INSERT' THEN
          PERFORM assessment_phase_or_refuse(call_of_dossier(NEW.dossier_id), 'review.assign');
          IF NEW.status <> 'assigned' THEN PERFORM lifecycle_refuse('REVIEW_TRANSITION_FORBIDDEN', 'review.assign', 'assessment'); END IF;
          RETURN NEW;
        END IF;
        -- The reminder mark is bookkeeping of the mail, not of the review.
        IF (NEW.dossier_id, NEW.reviewer_id, NEW.status, NEW.conflict_reason, NEW.assigned_by, NEW.created_at, NEW.submitted_at)
           IS NOT DISTINCT FROM
           (OLD.dossier_id, OLD.reviewer_id, OLD.status, OLD.conflict_reason, OLD.assigned_by, OLD.created_at, OLD.submitted_at) THEN
          RETURN NEW;
        END IF;
        PERFORM assessment_phase_or_refuse(call_of_dossier(OLD.dossier_id), 'review.' || NEW.status);
        IF OLD.status = 'submitted' THEN PERFORM lifecycle_refuse('REVIEW_ALREADY_SUBMITTED', 'review.' || NEW.status, 'assessment'); END IF;
        IF OLD.status = 'conflict' THEN PERFORM lifecycle_refuse('REVIEW_CONFLICT_DECLARED', 'review.' || NEW.status, 'assessment'); END IF;
        IF (NEW.dossier_id, NEW.reviewer_id, NEW.assigned_by, NEW.created_at) IS DISTINCT FROM (OLD.dossier_id, OLD.reviewer_id, OLD.assigned_by, OLD.created_at)
           OR NOT ((NEW.status = 'submitted' AND NEW.submitted_at IS NOT NULL AND NEW.conflict_reason IS NULL)
                OR (NEW.status = 'conflict' AND NEW.conflict_reason IS NOT NULL AND NEW.submitted_at IS NULL)) THEN
          PERFORM lifecycle_refuse('REVIEW_TRANSITION_FORBIDDEN', 'review.' || NEW.status, 'assessment');
        END IF;
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER review_assignments_lifecycle BEFORE INSERT OR UPDATE OR DELETE ON review_assignments
             FOR EACH ROW EXECUTE FUNCTION review_assignments_lifecycle()`);
    // Scores change only while their assignment is open: a submitted review keeps the scores it was submitted with.
    await q(`
      CREATE FUNCTION review_scores_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE a review_assignments;
      BEGIN
        SELECT * INTO a FROM review_assignments
         WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.assignment_id ELSE NEW.assignment_id END FOR SHARE;
        IF NOT FOUND THEN
          IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;  -- the cascade of a removed assignment
          RETURN NEW;
        END IF;
        PERFORM assessment_phase_or_refuse(call_of_dossier(a.dossier_id), 'review.score');
        IF a.status = 'submitted' THEN PERFORM lifecycle_refuse('REVIEW_ALREADY_SUBMITTED', 'review.score', 'assessment'); END IF;
        IF a.status = 'conflict' THEN PERFORM lifecycle_refuse('REVIEW_CONFLICT_DECLARED', 'review.score', 'assessment'); END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER review_scores_lifecycle BEFORE INSERT OR UPDATE OR DELETE ON review_scores
             FOR EACH ROW EXECUTE FUNCTION review_scores_lifecycle()`);

    // ---- proposals and allocations: draft -> sent -> returned | approved, never on stale inputs ----
    await q(`
      CREATE FUNCTION approval_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE phase text; act text; content_old jsonb; content_new jsonb;
      BEGIN
        act := CASE WHEN TG_TABLE_NAME = 'catalogue_allocations' THEN 'allocation' ELSE 'proposal' END;
        IF TG_OP = 'DELETE' THEN
          PERFORM lifecycle_refuse('PROPOSAL_STATE', act || '.delete', call_phase_for_write(OLD.call_id));
        END IF;
        phase := call_phase_for_write(NEW.call_id);
        IF TG_OP = 'INSERT' THEN
          IF phase NOT IN ('closed','assessment') THEN
            PERFORM lifecycle_refuse(CASE WHEN phase IN ('draft','published') THEN 'CALL_STILL_OPEN' ELSE 'CALL_PHASE_FORBIDS' END, act || '.compute', phase);
          END IF;
          IF NEW.status <> 'draft' THEN PERFORM lifecycle_refuse('PROPOSAL_STATE', act || '.compute', phase); END IF;
          RETURN NEW;
        END IF;
        content_old := to_jsonb(OLD) - ARRAY['status','sent_at','remarks','decision_date','decision_reference','approved_by','approved_at'];
        content_new := to_jsonb(NEW) - ARRAY['status','sent_at','remarks','decision_date','decision_reference','approved_by','approved_at'];
        IF OLD.status = 'approved' THEN PERFORM lifecycle_refuse('CALL_DECIDED', act || '.change', 'decided'); END IF;
        IF content_old IS DISTINCT FROM content_new THEN PERFORM lifecycle_refuse('PROPOSAL_STATE', act || '.change', phase); END IF;
        IF NEW.status IS NOT DISTINCT FROM OLD.status THEN RETURN NEW; END IF;
        IF OLD.status IN ('draft','returned') AND NEW.status = 'sent' THEN
          IF phase NOT IN ('closed','assessment') THEN PERFORM lifecycle_refuse('CALL_PHASE_FORBIDS', act || '.send', phase); END IF;
        ELSIF OLD.status = 'sent' AND NEW.status IN ('returned','approved') THEN
          IF phase <> 'proposal_sent' THEN PERFORM lifecycle_refuse('CALL_PHASE_FORBIDS', act || '.' || NEW.status, phase); END IF;
        ELSE
          PERFORM lifecycle_refuse('PROPOSAL_STATE', act || '.' || NEW.status, phase);
        END IF;
        IF NEW.status IN ('sent','approved') THEN
          IF EXISTS (SELECT 1 FROM selection_proposals p WHERE p.call_id = NEW.call_id AND p.created_at > NEW.created_at)
             OR EXISTS (SELECT 1 FROM catalogue_allocations a WHERE a.call_id = NEW.call_id AND a.created_at > NEW.created_at) THEN
            PERFORM lifecycle_refuse('PROPOSAL_STALE', act || '.' || NEW.status, phase);
          END IF;
          IF open_reviews(NEW.call_id) > 0 THEN PERFORM lifecycle_refuse('REVIEWS_OPEN', act || '.' || NEW.status, phase); END IF;
          IF NEW.fingerprint IS DISTINCT FROM assessment_fingerprint(NEW.call_id) THEN
            PERFORM lifecycle_refuse('PROPOSAL_STALE', act || '.' || NEW.status, phase);
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER selection_proposals_lifecycle BEFORE INSERT OR UPDATE OR DELETE ON selection_proposals
             FOR EACH ROW EXECUTE FUNCTION approval_lifecycle()`);
    await q(`CREATE TRIGGER catalogue_allocations_lifecycle BEFORE INSERT OR UPDATE OR DELETE ON catalogue_allocations
             FOR EACH ROW EXECUTE FUNCTION approval_lifecycle()`);

    // ---- after the decision: reserve promotions and budget decisions ----
    await q(`
      CREATE FUNCTION reserve_promotions_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE phase text;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM lifecycle_refuse('PROMOTION_STATE', 'reserve.delete', call_phase_for_write(OLD.call_id));
        END IF;
        phase := call_phase_for_write(NEW.call_id);
        IF phase <> 'decided' THEN PERFORM lifecycle_refuse('CALL_PHASE_FORBIDS', 'reserve.propose', phase); END IF;
        IF TG_OP = 'INSERT' THEN
          IF NEW.status <> 'proposed' THEN PERFORM lifecycle_refuse('PROMOTION_STATE', 'reserve.propose', phase); END IF;
          RETURN NEW;
        END IF;
        IF OLD.status <> 'proposed' OR NEW.status NOT IN ('confirmed','refused')
           OR (NEW.call_id, NEW.dossier_id, NEW.granted_cents, NEW.motivation, NEW.proposed_by, NEW.proposed_at)
              IS DISTINCT FROM (OLD.call_id, OLD.dossier_id, OLD.granted_cents, OLD.motivation, OLD.proposed_by, OLD.proposed_at) THEN
          PERFORM lifecycle_refuse('PROMOTION_STATE', 'reserve.decide', phase);
        END IF;
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER reserve_promotions_lifecycle BEFORE INSERT OR UPDATE OR DELETE ON reserve_promotions
             FOR EACH ROW EXECUTE FUNCTION reserve_promotions_lifecycle()`);
    await q(`
      CREATE FUNCTION budget_decisions_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE phase text; current_budget bigint;
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          RAISE EXCEPTION 'budget_decisions is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        phase := call_phase_for_write(NEW.call_id);
        IF phase NOT IN ('closed','assessment','decided') THEN PERFORM lifecycle_refuse('CALL_PHASE_FORBIDS', 'budget.decide', phase); END IF;
        SELECT budget_cents INTO current_budget FROM calls WHERE id = NEW.call_id;
        IF NEW.before_cents <> current_budget THEN PERFORM lifecycle_refuse('VERSION_CONFLICT', 'budget.decide', phase); END IF;
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER budget_decisions_lifecycle BEFORE INSERT OR UPDATE OR DELETE ON budget_decisions
             FOR EACH ROW EXECUTE FUNCTION budget_decisions_lifecycle()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const [trigger, table] of [
      ['budget_decisions_lifecycle', 'budget_decisions'],
      ['reserve_promotions_lifecycle', 'reserve_promotions'],
      ['catalogue_allocations_lifecycle', 'catalogue_allocations'],
      ['selection_proposals_lifecycle', 'selection_proposals'],
      ['review_scores_lifecycle', 'review_scores'],
      ['review_assignments_lifecycle', 'review_assignments'],
      ['consensus_lifecycle', 'consensus_scores'],
      ['admissibility_lifecycle', 'admissibility_decisions'],
      ['attachments_lifecycle', 'attachments'],
      ['dossier_submissions_lifecycle', 'dossier_submissions'],
      ['dossiers_awarded_within_budget', 'dossiers'],
      ['dossiers_lifecycle', 'dossiers'],
      ['calls_lifecycle', 'calls'],
    ])
      await q(`DROP TRIGGER ${trigger} ON ${table}`);
    for (const fn of [
      'budget_decisions_lifecycle()',
      'reserve_promotions_lifecycle()',
      'approval_lifecycle()',
      'review_scores_lifecycle()',
      'review_assignments_lifecycle()',
      'dossier_assessment_lifecycle()',
      'assessment_phase_or_refuse(uuid, text)',
      'attachments_lifecycle()',
      'dossier_submissions_lifecycle()',
      'dossiers_awarded_within_budget()',
      'dossiers_lifecycle()',
      'decision_covers(uuid, uuid, text, bigint)',
      'calls_lifecycle()',
      'open_reviews(uuid)',
      'assessment_fingerprint(uuid)',
      'call_of_dossier(uuid)',
      'call_phase_for_write(uuid)',
      'lifecycle_refuse(text, text, text)',
      'call_phase(calls)',
    ])
      await q(`DROP FUNCTION ${fn}`);
    await q(`DROP TABLE "budget_decisions"`);
    await q(`ALTER TABLE "catalogue_allocations" DROP COLUMN "fingerprint"`);
    await q(`ALTER TABLE "selection_proposals" DROP COLUMN "open_reviews"`);
    await q(`ALTER TABLE "selection_proposals" DROP COLUMN "fingerprint"`);
    await q(`ALTER TABLE "calls" DROP CONSTRAINT "calls_assessment_stage_known"`);
    await q(`ALTER TABLE "calls" DROP COLUMN "assessment_stage"`);
  }
}
