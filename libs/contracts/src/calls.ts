/** WARNING: persisted values (calls.applicant_kinds, applicants.kind); never rename, add new ones. */
export const APPLICANT_KINDS = ['organisation', 'local_government'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/** WARNING: persisted in calls.status. */
export const CALL_STATUSES = ['draft', 'published'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const POLICY_DOMAINS = [
  'Cultuur',
  'Jeugd',
  'Sport',
  'Welzijn',
  'Onderwijs',
  'Werk',
  'Integratie',
  'Armoedebestrijding',
] as const;

export const QUESTION_TYPES = ['text', 'longText', 'number', 'choice'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface CallQuestion {
  code: string;
  label: string;
  type: QuestionType;
  required: boolean;
  /** text and longText */
  maxLength?: number;
  minLength?: number;
  /** number */
  min?: number;
  max?: number;
  /** choice */
  options?: string[];
  help?: string;
}

export interface CallAttachmentRequirement {
  code: string;
  label: string;
  required: boolean;
}

export interface CallCriterion {
  code: string;
  label: string;
  scaleMin: number;
  scaleMax: number;
  weight: number;
  threshold: number;
}

/** Tie-break steps in order, e.g. ['criteria-in-order', 'earlier-submission']. */
export const TIE_BREAK_STEPS = ['criteria-in-order', 'earlier-submission'] as const;
export type TieBreakStep = (typeof TIE_BREAK_STEPS)[number];

/**
 * What a call is about and what its letters quote, beyond title and description. Every text is optional (empty when
 * the administration did not fill it in); the decision letters use the portal's letter settings where the call says
 * nothing (a sensible Flemish default for the appeal route).
 */
export interface CallInformation {
  objectives?: string;
  targetGroup?: string;
  /** How the dossiers are assessed (admissibility, reviewers, consensus, ranking), in the administration's words. */
  assessmentMethod?: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  /** Link to the regulation (besluit, reglement) the call rests on; https only. */
  regulationUrl?: string;
  /** The appeal route and term quoted in rejection and partial-award letters. */
  appealRoute?: string;
  /** Conditions, payment and reporting duties quoted in award letters. */
  awardConditions?: string;
}

export const CALL_INFORMATION_FIELDS = [
  'objectives',
  'targetGroup',
  'assessmentMethod',
  'contactName',
  'contactEmail',
  'contactPhone',
  'regulationUrl',
  'appealRoute',
  'awardConditions',
] as const satisfies ReadonlyArray<keyof CallInformation>;

export interface CallInput {
  code: string;
  title: string;
  description: string;
  applicantKinds: ApplicantKind[];
  policyDomains: string[];
  /** ISO 8601 with offset, or a Brussels wall-clock time `YYYY-MM-DDTHH:mm[:ss]`. */
  opensAt: string;
  closesAt: string;
  maxRequestedCents: number;
  budgetCents: number;
  projectStart: string;
  projectEnd: string;
  oneDossierPerApplicant: boolean;
  attachments: CallAttachmentRequirement[];
  questions: CallQuestion[];
  criteria: CallCriterion[];
  tieBreak: TieBreakStep[];
  /** Absent on input: left as it is (a new call starts with none). */
  information?: CallInformation;
  /** Minutes before closing at which applicants with an unsubmitted draft are reminded (default 7 days, 1 day, 2 hours). */
  reminderOffsetsMinutes?: number[];
}

export const DEFAULT_REMINDER_OFFSETS_MINUTES = [7 * 24 * 60, 24 * 60, 120];

export interface CallView extends CallInput {
  reminderOffsetsMinutes: number[];
  information: CallInformation;
  id: string;
  /** 'project' (competitive dossiers) or 'catalogue' (subscriptions by local governments, see catalogue.ts). */
  kind: 'project' | 'catalogue';
  status: CallStatus;
  version: number;
  /** opensAt/closesAt as UTC ISO strings; the web shows them in Europe/Brussels. */
  opensAt: string;
  closesAt: string;
  publishedAt: string | null;
  /** Computed with the database clock at the time of the request. */
  isOpen: boolean;
  /** Where the call stands in its lifecycle (ADR 0009): draft, published, closed, assessment, proposal_sent, decided. */
  phase: 'draft' | 'published' | 'closed' | 'assessment' | 'proposal_sent' | 'decided';
  serverTime: string;
  dossierCount?: number;
}
