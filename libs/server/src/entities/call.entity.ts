import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  ApplicantKind,
  CallAttachmentRequirement,
  CallInformation,
  CallCriterion,
  CallQuestion,
  CallStatus,
  TieBreakStep,
} from '@portal/contracts';
import type { AssessmentStage, Catalogue } from '@portal/domain';
import { bigintCents } from '../database/transformers';

@Entity({ name: 'calls' })
@Check('calls_closes_after_opens', 'closes_at > opens_at')
@Check('calls_cap_within_budget', 'max_requested_cents > 0 AND max_requested_cents <= budget_cents')
@Check('calls_period_ordered', 'project_end >= project_start')
@Check('calls_status_known', `status IN ('draft','published')`)
@Check('calls_kind_known', `kind IN ('project','catalogue')`)
@Check('calls_assessment_stage_known', `assessment_stage IN ('none','assessment','proposal_sent','decided')`)
@Check('calls_catalogue_of_catalogue_call', `kind <> 'catalogue' OR catalogue IS NOT NULL`)
export class CallEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Human code, prefix of dossier references (GV-CONNECT-2020 -> GV-CONNECT-2020-0042). */
  @Index('calls_code_unique', { unique: true })
  @Column({ type: 'varchar', length: 60 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** WARNING: persisted; 'project' (competitive) or 'catalogue' (Plan Samenleven). */
  @Column({ type: 'varchar', length: 20, default: 'project' })
  kind: string;

  /**
   * The catalogue of a catalogue call as `catalogueFromJson` returned it (codes and cents filled in), so the codes
   * that subscriptions and allocations refer to are frozen with the call. Null on project calls.
   */
  @Column({ type: 'jsonb', nullable: true })
  catalogue: Catalogue | null;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: CallStatus;

  /**
   * Where the call stands after its deadline (ADR 0009): 'none' until the first act of the assessment, then
   * 'assessment', 'proposal_sent' while the minister holds the proposal or allocation, 'decided' for good.
   * Changed only by the lifecycle services; the database's calls trigger allows only the machine's transitions.
   */
  @Column({ name: 'assessment_stage', type: 'varchar', length: 20, default: 'none' })
  assessmentStage: AssessmentStage;

  @Column({ name: 'applicant_kinds', type: 'varchar', length: 30, array: true })
  applicantKinds: ApplicantKind[];

  @Column({ name: 'policy_domains', type: 'varchar', length: 60, array: true, default: () => "'{}'" })
  policyDomains: string[];

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt: Date;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt: Date;

  @Column({ name: 'max_requested_cents', type: 'bigint', transformer: bigintCents })
  maxRequestedCents: number;

  @Column({ name: 'budget_cents', type: 'bigint', transformer: bigintCents })
  budgetCents: number;

  @Column({ name: 'project_start', type: 'date' })
  projectStart: string;

  @Column({ name: 'project_end', type: 'date' })
  projectEnd: string;

  @Column({ name: 'one_dossier_per_applicant', type: 'boolean', default: true })
  oneDossierPerApplicant: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments: CallAttachmentRequirement[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  questions: CallQuestion[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  criteria: CallCriterion[];

  @Column({ name: 'tie_break', type: 'jsonb', default: () => `'["criteria-in-order", "earlier-submission"]'` })
  tieBreak: TieBreakStep[];

  /** Minutes before closing at which applicants with an unsubmitted draft get a reminder. */
  /** What the call is about and what its letters quote (contracts' CallInformation); frozen once decided. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  information: CallInformation;

  @Column({ name: 'reminder_offsets_minutes', type: 'integer', array: true, default: () => "'{10080,1440,120}'" })
  reminderOffsetsMinutes: number[];

  /** Optimistic-lock version for edits by the administration. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  /** Last dossier number handed out; references are gapless because the increment commits with the submission. */
  @Column({ name: 'dossier_seq', type: 'integer', default: 0 })
  dossierSeq: number;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
