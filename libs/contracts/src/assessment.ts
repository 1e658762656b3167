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
  /** The submitted version the reviewer assesses (fields, answers, budget, attachment names and hashes). */
  content: Record<string, unknown>;
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
}
