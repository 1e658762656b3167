import fc from 'fast-check';
import {
  ACTS_AFTER_DECISION,
  APPROVAL_STEPS,
  approvalStep,
  ASSESSMENT_STAGES,
  CALL_ACTS,
  CALL_ACT_NAMES,
  CALL_PHASES,
  acceptsAt,
  allowedActs,
  callPhase,
  isActAllowed,
  isStageTransitionAllowed,
  phaseRefusal,
  type CallAct,
  type CallPhase,
  type LifecycleRole,
} from './call-lifecycle';

const ROLES: LifecycleRole[] = ['applicant', 'admin', 'reviewer', 'minister'];
const act = fc.constantFrom(...CALL_ACT_NAMES);
const phase = fc.constantFrom(...CALL_PHASES);
const role = fc.constantFrom(...ROLES);

/** Everything a decision is based on: none of it may change once the minister decided. */
const FEEDS_THE_DECISION: CallAct[] = [
  'call.edit',
  'call.editAssessmentRules',
  'dossier.edit',
  'dossier.submit',
  'dossier.withdraw',
  'admissibility.decide',
  'review.assign',
  'review.score',
  'review.submit',
  'review.declareConflict',
  'consensus.set',
  'proposal.compute',
  'proposal.send',
  'proposal.return',
  'proposal.approve',
];

describe('call lifecycle', () => {
  it('allows no act outside the phases and roles of its row in the table', () => {
    fc.assert(
      fc.property(act, phase, role, (a, p, r) => {
        const rule = CALL_ACTS[a];
        const listed =
          (rule.phases as readonly CallPhase[]).includes(p) && (rule.roles as readonly string[]).includes(r);
        return !isActAllowed(a, p, r) || listed;
      }),
    );
  });

  it('gives a refusal code exactly when the phase does not allow the act', () => {
    fc.assert(fc.property(act, phase, (a, p) => (phaseRefusal(a, p) === null) === isActAllowed(a, p)));
  });

  it('after the decision, allows nothing that fed it, to anyone', () => {
    fc.assert(fc.property(fc.constantFrom(...FEEDS_THE_DECISION), role, (a, r) => !isActAllowed(a, 'decided', r)));
    for (const a of FEEDS_THE_DECISION) expect(phaseRefusal(a, 'decided')).toBe('CALL_DECIDED');
    expect([...ACTS_AFTER_DECISION].sort()).toEqual([
      'award.decline',
      'budget.decide',
      'reserve.decide',
      'reserve.propose',
    ]);
  });

  it('lets the minister, not the administration, raise the budget after the decision', () => {
    expect(isActAllowed('budget.decide', 'decided', 'minister')).toBe(true);
    expect(isActAllowed('budget.decide', 'decided', 'admin')).toBe(false);
    expect(isActAllowed('budget.decide', 'assessment', 'admin')).toBe(true);
    expect(isActAllowed('budget.decide', 'proposal_sent', 'admin')).toBe(false);
    expect(isActAllowed('budget.decide', 'proposal_sent', 'minister')).toBe(false);
  });

  it('refuses applicants after the deadline and the assessment before it with the codes people know', () => {
    expect(phaseRefusal('dossier.submit', 'closed')).toBe('DEADLINE_PASSED');
    expect(phaseRefusal('dossier.withdraw', 'assessment')).toBe('DEADLINE_PASSED');
    expect(phaseRefusal('admissibility.decide', 'published')).toBe('CALL_STILL_OPEN');
    expect(phaseRefusal('consensus.set', 'proposal_sent')).toBe('CALL_PHASE_FORBIDS');
    expect(phaseRefusal('proposal.approve', 'assessment')).toBe('CALL_PHASE_FORBIDS');
  });

  it('lists for a role only acts the table allows it', () => {
    fc.assert(
      fc.property(phase, fc.subarray(ROLES, { minLength: 1 }), (p, roles) =>
        allowedActs(p, roles).every((a) => roles.some((r) => isActAllowed(a, p, r))),
      ),
    );
  });

  it('never leaves the decided stage', () => {
    fc.assert(fc.property(fc.constantFrom(...ASSESSMENT_STAGES), (to) => !isStageTransitionAllowed('decided', to)));
    fc.assert(
      fc.property(
        fc.date({ noInvalidDate: true }),
        fc.date({ noInvalidDate: true }),
        (closesAt, now) => callPhase({ status: 'published', closesAt, assessmentStage: 'decided' }, now) === 'decided',
      ),
    );
  });

  it('accepts during the whole closing second and not a millisecond after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000 }), fc.integer({ min: 0, max: 999 }), (second, ms) => {
        const closesAt = new Date(second * 1000);
        return (
          acceptsAt(closesAt, new Date(second * 1000 + ms)) && !acceptsAt(closesAt, new Date(second * 1000 + 1000))
        );
      }),
    );
    const closesAt = '2026-12-31T22:59:59.000Z';
    expect(callPhase({ status: 'published', closesAt }, '2026-12-31T22:59:59.400Z')).toBe('published');
    expect(callPhase({ status: 'published', closesAt }, '2026-12-31T23:00:00.000Z')).toBe('closed');
    expect(callPhase({ status: 'draft', closesAt }, '2030-01-01T00:00:00Z')).toBe('draft');
  });
});

describe('approval workflow', () => {
  it('never leaves approved, and every step moves the call to the stage of its target', () => {
    for (const step of ['send', 'return', 'approve'] as const) expect(approvalStep('approved', step)).toBeNull();
    expect(approvalStep('draft', 'send')).toBe('sent');
    expect(approvalStep('returned', 'send')).toBe('sent');
    expect(approvalStep('draft', 'approve')).toBeNull();
    expect(approvalStep('sent', 'approve')).toBe('approved');
    for (const [, rule] of Object.entries(APPROVAL_STEPS))
      expect(rule.from.every((from) => from !== 'approved')).toBe(true);
    expect(isStageTransitionAllowed('assessment', APPROVAL_STEPS.send.stage)).toBe(true);
    expect(isStageTransitionAllowed('proposal_sent', APPROVAL_STEPS.approve.stage)).toBe(true);
    expect(isStageTransitionAllowed('proposal_sent', APPROVAL_STEPS.return.stage)).toBe(true);
  });
});
