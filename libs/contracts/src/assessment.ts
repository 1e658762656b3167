import type { ApplicantVerificationStatus } from './applicants';
export interface AutomaticCheck {
  /** on-time | complete | eligible | amounts */
  code: string;
  passed: boolean;
  detail?: string;
}

export interface AdmissibilityRow {
  dossierId: string;
  reference: string | null;
  applicantName: string;
  /** Whether the administration verified the applicant's claim to its number (unverified ones are marked). */
  applicantVerification: ApplicantVerificationStatus;
  title: string;
  requestedCents: number;
  submittedAt: string | null;
  checks: AutomaticCheck[];
  decision: 'admissible' | 'inadmissible' | null;
  motivation: string | null;
}

export interface AssignmentView {
  id: string;
  dossierId: string;
  reference: string | null;
  reviewerId: string;
  reviewerName: string;
  status: 'assigned' | 'conflict' | 'submitted';
  conflictReason: string | null;
  submittedAt: string | null;
  /** When the reviewer stated having no conflict of interest; scoring needs it (ADR 0013). */
  noConflictStatedAt: string | null;
  callId: string;
  callTitle: string;
  /** The submitted version's title. */
  dossierTitle: string;
  /** Who applies: the reviewer sees it before scoring, to judge a conflict of interest. */
  applicant: { legalName: string; enterpriseNumber: string | null; nisCode: string | null };
  /** The call's review due date (its panel settings), if set. */
  dueAt: string | null;
}

export interface ScoreInput {
  criterionCode: string;
  score: number;
  comment?: string | null;
}

export interface ReviewView extends AssignmentView {
  call: {
    id: string;
    title: string;
    criteria: Array<{
      code: string;
      label: string;
      scaleMin: number;
      scaleMax: number;
      weight: number;
      threshold: number;
    }>;
  };
  /**
   * The submitted version the reviewer assesses (fields, answers, budget, attachment names and hashes); null once the
   * reviewer declared a conflict of interest.
   */
  content: Record<string, unknown> | null;
  scores: Array<{ criterionCode: string; score: number; comment: string | null }>;
}

export interface DossierScoresView {
  dossierId: string;
  reference: string | null;
  applicantName: string;
  reviewers: Array<{ reviewerName: string; status: string; scores: Record<string, number> }>;
  /** Mean of the submitted reviewers' scores, rounded to the nearest half point (the default consensus). */
  mean: Record<string, number>;
  consensus: Record<string, { score: number; motivation: string }>;
  /** What the ranking uses: the consensus where set, otherwise the mean. */
  effective: Record<string, number>;
}

export interface RankingRow {
  rank: number;
  dossierId: string;
  reference: string;
  applicantName: string;
  title: string;
  requestedCents: number;
  submittedAt: string;
  total: number;
  scores: Record<string, number>;
  complete: boolean;
  sufficient: boolean;
  failingCriteria: string[];
  tieBrokenBy: string | null;
}

export interface ProposalLineView {
  dossierId: string;
  rank: number;
  reference: string;
  applicantName: string;
  /** The title of the submitted version the decision is about. */
  title: string;
  requestedCents: number;
  adjustedCents: number | null;
  grantedCents: number;
  outcome: 'selected' | 'reserve' | 'rejected';
  reason: string;
  reservePosition: number | null;
  envelope: string | null;
  motivation: string | null;
  total: number;
}

export interface ProposalView {
  id: string;
  callId: string;
  status: 'draft' | 'sent' | 'returned' | 'approved';
  marginRule: 'skip' | 'partial';
  budgetCents: number;
  grantedCents: number;
  remainingCents: number;
  envelopes: Array<{ code: string; budgetCents: number; grantedCents: number; remainingCents: number }>;
  lines: ProposalLineView[];
  remarks: string | null;
  decisionDate: string | null;
  decisionReference: string | null;
  approvedAt: string | null;
  createdAt: string;
  /** Budget, criteria, reviews or consensus changed since this proposal was computed: it cannot be sent or approved. */
  stale: boolean;
  /** Assigned reviews not submitted yet: while there are any, the proposal cannot be sent or approved. */
  openReviews: Array<{ reference: string | null; reviewerName: string }>;
  /** The motivated budget raises of the call (ADR 0009), oldest first. */
  budgetDecisions: BudgetDecisionView[];
}

export interface BudgetDecisionView {
  id: string;
  beforeCents: number;
  afterCents: number;
  motivation: string;
  decidedRole: 'admin' | 'minister';
  decidedByName: string;
  decidedAt: string;
  decisionDate: string | null;
  decisionReference: string | null;
}

export interface BudgetDecisionInput {
  budgetCents: number;
  motivation: string;
  /** The minister's decision date and reference, required for a raise after the decision. */
  decisionDate?: string;
  decisionReference?: string;
}

/** What an applicant sees of the decision on their dossier; scores only once the decision is taken. */
export interface DossierDecisionView {
  dossierId: string;
  reference: string | null;
  /** pending: no decision yet (nothing about the assessment is shown). */
  outcome: 'pending' | 'inadmissible' | 'awarded' | 'rejected' | 'reserve' | 'declined';
  grantedCents: number;
  /** A stable reason code (selection reasons) or, for inadmissibility, the administration's motivation. */
  reason: string | null;
  motivation: string | null;
  decisionDate: string | null;
  decisionReference: string | null;
  reservePosition: number | null;
  rank: number | null;
  total: number | null;
  /** Per criterion the score that counts, with the administration's consensus motivation when it set one. */
  scores: Array<{
    criterionCode: string;
    label: string;
    score: number;
    weight: number;
    scaleMax: number;
    motivation: string | null;
  }>;
  /** What the applicant asked (a partial award grants less). */
  requestedCents: number;
  /** True when the applicant may still give up the awarded subsidy. */
  canDecline: boolean;
  letterAvailable: boolean;
}

export interface ReserveCandidateView {
  dossierId: string;
  reference: string;
  applicantName: string;
  position: number;
  amountCents: number;
  envelope: string | null;
  status: string;
  fits: boolean;
}

export interface ReservePromotionView {
  id: string;
  dossierId: string;
  reference: string;
  applicantName: string;
  status: 'proposed' | 'confirmed' | 'refused';
  grantedCents: number;
  motivation: string;
  proposedAt: string;
  decidedAt: string | null;
  decisionDate: string | null;
  decisionReference: string | null;
  remarks: string | null;
}

/** The reserve list after the minister's approval: what came free and who is next. */
export interface ReserveView {
  callId: string;
  budgetCents: number;
  awardedCents: number;
  /** Budget minus awarded minus an open promotion. */
  remainingCents: number;
  declined: Array<{ dossierId: string; reference: string; applicantName: string; freedCents: number }>;
  candidates: ReserveCandidateView[];
  /** The dossier the rules say comes next, or null. */
  nextDossierId: string | null;
  promotions: ReservePromotionView[];
}

/** Readable wording of the stable selection reason codes, for letters, e-mails and screens. */
export const SELECTION_REASON_TEXT: Record<string, { nl: string; en: string }> = {
  'within-budget': {
    nl: 'De aanvraag scoorde hoog genoeg in de rangschikking om binnen het budget te vallen.',
    en: 'The application ranked high enough to fall within the budget.',
  },
  'partial-at-margin': {
    nl: 'De aanvraag viel op de grens van het budget; volgens het reglement van de oproep wordt ze gedeeltelijk gefinancierd.',
    en: 'The application fell on the budget line; under the call rules it is funded in part.',
  },
  'does-not-fit': {
    nl: 'Het gevraagde bedrag paste niet meer in het resterende budget.',
    en: 'The amount requested no longer fitted in the remaining budget.',
  },
  insufficient: {
    nl: 'De aanvraag haalde op minstens één criterium de minimumscore niet.',
    en: 'The application did not reach the minimum score on at least one criterion.',
  },
  incomplete: {
    nl: 'De aanvraag kon niet volledig beoordeeld worden.',
    en: 'The application could not be fully assessed.',
  },
  'override-select': {
    nl: 'De administratie stelde de aanvraag gemotiveerd voor selectie voor.',
    en: 'The administration proposed the application for selection, with a motivation.',
  },
  'override-exclude': {
    nl: 'De administratie stelde gemotiveerd voor de aanvraag niet te selecteren.',
    en: 'The administration proposed, with a motivation, not to select the application.',
  },
  'budget-exhausted': {
    nl: 'Het budget van de oproep was volledig besteed aan hoger gerangschikte aanvragen.',
    en: 'The budget of the call was fully spent on applications ranked higher.',
  },
  'reserve-promoted': {
    nl: 'Een geselecteerde aanvrager zag af van de subsidie; deze aanvraag kwam als eerstvolgende op de reservelijst in aanmerking.',
    en: 'A selected applicant declined the grant; this application was next on the reserve list.',
  },
};

export function selectionReasonText(code: string | null | undefined, locale: 'nl' | 'en'): string {
  if (!code) return '';
  return SELECTION_REASON_TEXT[code]?.[locale] ?? code;
}

/** One line per call with a selection proposal: the minister's and the administration's overview. */
export interface ProposalSummary {
  callId: string;
  callCode: string;
  callTitle: string;
  status: 'draft' | 'sent' | 'returned' | 'approved';
  budgetCents: number;
  grantedCents: number;
  selectedCount: number;
  sentAt: string | null;
  approvedAt: string | null;
  /** Reserve promotions waiting for the minister. */
  openPromotions: number;
  /** project: a selection proposal; catalogue: an allocation of a Plan Samenleven call. */
  kind: 'project' | 'catalogue';
}

type Texts = { nl: string; en: string };

/** What a proposal line's outcome says to a person (exports, letters, pages). */
export const PROPOSAL_OUTCOME_TEXT: Record<ProposalLineView['outcome'], Texts> = {
  selected: { nl: 'Geselecteerd', en: 'Selected' },
  reserve: { nl: 'Reserve', en: 'Reserve' },
  rejected: { nl: 'Niet geselecteerd', en: 'Not selected' },
};

/** The rule that decided a tie in the ranking, in words. */
export const TIE_BREAK_TEXT: Record<'criteria-in-order' | 'earlier-submission' | 'reference', Texts> = {
  'criteria-in-order': {
    nl: 'Hoogste score op de criteria, in hun volgorde',
    en: 'Highest score on the criteria, in order',
  },
  'earlier-submission': { nl: 'Vroegste indiening', en: 'Earliest submission' },
  reference: { nl: 'Dossiernummer', en: 'Dossier number' },
};

/** Why a Plan Samenleven allocation line got what it got, in words. */
export const ALLOCATION_REASON_TEXT: Record<string, Texts> = {
  'fully-funded': { nl: 'Volledig toegekend', en: 'Fully funded' },
  'capped-by-action-budget': { nl: 'Beperkt door het budget van de actie', en: 'Capped by the action budget' },
  'equal-share-in-marginal-round': { nl: 'Gelijk deel in de laatste ronde', en: 'Equal share in the last round' },
  'budget-exhausted': { nl: 'Budget op', en: 'Budget exhausted' },
};

/** A code's text in a language, or the code itself when it has none (never an empty cell). */
export function textOf(table: Record<string, Texts>, code: string | null | undefined, locale: 'nl' | 'en'): string {
  if (!code) return '';
  return table[code]?.[locale] ?? code;
}
