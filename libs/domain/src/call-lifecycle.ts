/**
 * The life of a call as a state machine: which phase a call is in, and which act is allowed in which phase and by
 * which role. The API refuses with these rules before it writes; the database holds the same rules in triggers
 * (migration `CallLifecycle`), so no code path can bypass them; the web hides what is not allowed and says why.
 *
 *   draft -> published -> closed (by the database clock) -> assessment -> proposal_sent -> decided
 *                                                              ^______________|  (returned by the minister)
 *
 * A catalogue call (Plan Samenleven) runs the same machine: its "proposal" is the allocation.
 */

/** WARNING: persisted in calls.assessment_stage; never rename. 'none' means: not in assessment yet. */
export const ASSESSMENT_STAGES = ['none', 'assessment', 'proposal_sent', 'decided'] as const;
export type AssessmentStage = (typeof ASSESSMENT_STAGES)[number];

export const CALL_PHASES = ['draft', 'published', 'closed', 'assessment', 'proposal_sent', 'decided'] as const;
export type CallPhase = (typeof CALL_PHASES)[number];

export type LifecycleRole = 'applicant' | 'admin' | 'reviewer' | 'minister';

export interface CallPhaseInput {
  status: string;
  closesAt: Date | string;
  assessmentStage?: AssessmentStage | null;
}

/**
 * The moment a call stops accepting: the end of the closing second. A call "closing at 23:59:59" accepts what the
 * database decides during that whole second (23:59:59.999 included); see docs/adr/0009-call-lifecycle.md.
 */
export function closingInstant(closesAt: Date | string): number {
  const ms = new Date(closesAt).getTime();
  return Math.floor(ms / 1000) * 1000 + 1000;
}

/** Open for submissions at `now` (by the closing rule above; the opening moment is checked where it matters). */
export function acceptsAt(closesAt: Date | string, now: Date | string): boolean {
  return new Date(now).getTime() < closingInstant(closesAt);
}

export function callPhase(call: CallPhaseInput, now: Date | string): CallPhase {
  if (call.status !== 'published') return 'draft';
  const stage = call.assessmentStage ?? 'none';
  if (stage !== 'none') return stage;
  return acceptsAt(call.closesAt, now) ? 'published' : 'closed';
}

/**
 * Open for applicants at `now`: published, opened, and before the end of the closing second. The API's call views and
 * the web's call pages use this one rule (the submission queries say the same in SQL, where the database clock decides).
 */
export function isCallOpen(call: CallPhaseInput & { opensAt: Date | string }, now: Date | string): boolean {
  return callPhase(call, now) === 'published' && new Date(now).getTime() >= new Date(call.opensAt).getTime();
}

/** Every act that changes what a decision is based on, or the decision itself. */
export const CALL_ACTS = {
  'call.edit': { roles: ['admin'], phases: ['draft', 'published', 'closed'] },
  'call.editAssessmentRules': { roles: ['admin'], phases: ['draft', 'published', 'closed', 'assessment'] },
  'call.publish': { roles: ['admin'], phases: ['draft'] },
  'budget.decide': { roles: ['admin', 'minister'], phases: ['closed', 'assessment', 'decided'] },
  'dossier.edit': { roles: ['applicant'], phases: ['published'] },
  'dossier.submit': { roles: ['applicant'], phases: ['published'] },
  'dossier.withdraw': { roles: ['applicant'], phases: ['published'] },
  'admissibility.decide': { roles: ['admin'], phases: ['closed', 'assessment'] },
  'review.assign': { roles: ['admin'], phases: ['closed', 'assessment'] },
  'review.score': { roles: ['reviewer'], phases: ['closed', 'assessment'] },
  'review.submit': { roles: ['reviewer'], phases: ['closed', 'assessment'] },
  'review.declareConflict': { roles: ['reviewer'], phases: ['closed', 'assessment'] },
  'consensus.set': { roles: ['admin'], phases: ['closed', 'assessment'] },
  'proposal.compute': { roles: ['admin'], phases: ['closed', 'assessment'] },
  'proposal.send': { roles: ['admin'], phases: ['closed', 'assessment'] },
  'proposal.return': { roles: ['minister'], phases: ['proposal_sent'] },
  'proposal.approve': { roles: ['minister'], phases: ['proposal_sent'] },
  'award.decline': { roles: ['applicant'], phases: ['decided'] },
  'reserve.propose': { roles: ['admin'], phases: ['decided'] },
  'reserve.decide': { roles: ['minister'], phases: ['decided'] },
} as const satisfies Record<string, { roles: readonly LifecycleRole[]; phases: readonly CallPhase[] }>;

export type CallAct = keyof typeof CALL_ACTS;
export const CALL_ACT_NAMES = Object.keys(CALL_ACTS) as CallAct[];

/** Who may raise the budget in which phase: the administration before the decision, the minister after it. */
const BUDGET_ROLE_BY_PHASE: Partial<Record<CallPhase, LifecycleRole>> = {
  closed: 'admin',
  assessment: 'admin',
  decided: 'minister',
};

export function isActAllowed(act: CallAct, phase: CallPhase, role?: LifecycleRole): boolean {
  const rule = CALL_ACTS[act];
  if (!(rule.phases as readonly CallPhase[]).includes(phase)) return false;
  if (role === undefined) return true;
  if (!(rule.roles as readonly LifecycleRole[]).includes(role)) return false;
  if (act === 'budget.decide') return BUDGET_ROLE_BY_PHASE[phase] === role;
  return true;
}

/** The acts a role may take in a phase (what the web shows). */
export function allowedActs(phase: CallPhase, roles: readonly LifecycleRole[]): CallAct[] {
  return CALL_ACT_NAMES.filter((act) => roles.some((role) => isActAllowed(act, phase, role)));
}

/** The stable error code that explains why an act is refused in a phase (null: allowed in that phase). */
export type PhaseRefusalCode = 'CALL_DECIDED' | 'CALL_STILL_OPEN' | 'DEADLINE_PASSED' | 'CALL_PHASE_FORBIDS';

export function phaseRefusal(act: CallAct, phase: CallPhase): PhaseRefusalCode | null {
  const phases = CALL_ACTS[act].phases as readonly CallPhase[];
  if (phases.includes(phase)) return null;
  if (phase === 'decided') return 'CALL_DECIDED';
  const order = CALL_PHASES.indexOf(phase);
  const earliest = Math.min(...phases.map((p) => CALL_PHASES.indexOf(p)));
  if (order < earliest) return phase === 'published' ? 'CALL_STILL_OPEN' : 'CALL_PHASE_FORBIDS';
  if (phases.includes('published') && phase !== 'draft') return 'DEADLINE_PASSED';
  return 'CALL_PHASE_FORBIDS';
}

/** The stage changes the machine allows (the database's calls trigger holds the same list). */
export const STAGE_TRANSITIONS: ReadonlyArray<readonly [AssessmentStage, AssessmentStage]> = [
  ['none', 'assessment'],
  ['assessment', 'proposal_sent'],
  ['proposal_sent', 'assessment'],
  ['proposal_sent', 'decided'],
];

export function isStageTransitionAllowed(from: AssessmentStage, to: AssessmentStage): boolean {
  return STAGE_TRANSITIONS.some(([a, b]) => a === from && b === to);
}

/** Acts after the decision that do not change what the decision was based on; each is motivated and audited. */
export const ACTS_AFTER_DECISION: readonly CallAct[] = CALL_ACT_NAMES.filter((act) =>
  (CALL_ACTS[act].phases as readonly CallPhase[]).includes('decided'),
);

/** The web's labels of the phases. Catalogue calls name the proposal an allocation. */
export function phaseLabel(phase: CallPhase, kind: 'project' | 'catalogue', locale: 'nl' | 'en'): string {
  const labels: Record<CallPhase, { nl: string; en: string }> = {
    draft: { nl: 'Ontwerp', en: 'Draft' },
    published: { nl: 'Gepubliceerd', en: 'Published' },
    closed: { nl: 'Afgesloten', en: 'Closed' },
    assessment: { nl: 'In beoordeling', en: 'In assessment' },
    proposal_sent:
      kind === 'catalogue'
        ? { nl: 'Verdeling bij de minister', en: 'Allocation sent to the minister' }
        : { nl: 'Voorstel bij de minister', en: 'Proposal sent to the minister' },
    decided: kind === 'catalogue' ? { nl: 'Goedgekeurd', en: 'Approved' } : { nl: 'Beslist', en: 'Decided' },
  };
  return labels[phase][locale];
}

/**
 * The approval workflow shared by selection proposals and catalogue allocations: computed as a draft, sent to the
 * minister, returned with remarks (then sent again) or approved. Approved is final. The database's
 * `approval_lifecycle` trigger holds the same table.
 */
export const APPROVAL_STATUSES = ['draft', 'sent', 'returned', 'approved'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export type ApprovalStep = 'send' | 'return' | 'approve';

export const APPROVAL_STEPS: Record<
  ApprovalStep,
  { from: readonly ApprovalStatus[]; to: ApprovalStatus; stage: AssessmentStage }
> = {
  send: { from: ['draft', 'returned'], to: 'sent', stage: 'proposal_sent' },
  return: { from: ['sent'], to: 'returned', stage: 'assessment' },
  approve: { from: ['sent'], to: 'approved', stage: 'decided' },
};

/** The status a step leads to from `status`, or null when the step is not possible from there. */
export function approvalStep(status: ApprovalStatus, step: ApprovalStep): ApprovalStatus | null {
  const rule = APPROVAL_STEPS[step];
  return rule.from.includes(status) ? rule.to : null;
}
