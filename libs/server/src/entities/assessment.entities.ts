import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { bigintCents } from '../database/transformers';
import { ApprovalRecord } from './approval-record';
import { CallEntity } from './call.entity';
import { DossierEntity } from './dossier.entity';

/** The administration's admissibility decision (ontvankelijkheid), with the automatic checks it was based on. */
@Entity({ name: 'admissibility_decisions' })
@Check('admissibility_decision_known', `decision IN ('admissible','inadmissible')`)
export class AdmissibilityDecisionEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @ManyToOne(() => DossierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'admissibility_dossier_fk' })
  dossier?: DossierEntity;

  @Column({ type: 'varchar', length: 20 })
  decision: 'admissible' | 'inadmissible';

  @Column({ name: 'automatic_checks', type: 'jsonb' })
  automaticChecks: Array<{ code: string; passed: boolean; detail?: string }>;

  @Column({ type: 'text' })
  motivation: string;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy: string;

  @CreateDateColumn({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}

/** A reviewer appointed to a dossier. */
@Entity({ name: 'review_assignments' })
@Index('review_assignments_unique', ['dossierId', 'reviewerId'], { unique: true })
@Check('review_assignments_status_known', `status IN ('assigned','conflict','submitted')`)
export class ReviewAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @ManyToOne(() => DossierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'review_assignments_dossier_fk' })
  dossier?: DossierEntity;

  @Index('review_assignments_reviewer_idx')
  @Column({ name: 'reviewer_id', type: 'uuid' })
  reviewerId: string;

  @Column({ type: 'varchar', length: 20, default: 'assigned' })
  status: 'assigned' | 'conflict' | 'submitted';

  @Column({ name: 'conflict_reason', type: 'text', nullable: true })
  conflictReason: string | null;

  @Column({ name: 'assigned_by', type: 'uuid' })
  assignedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** Set when the reviewer was reminded of this open assignment: each reminder goes out once. */
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  /** When the reviewer stated having no conflict of interest with the applicant: scoring is refused before it. */
  @Column({ name: 'no_conflict_stated_at', type: 'timestamptz', nullable: true })
  noConflictStatedAt: Date | null;
}

/** A reviewer's score on one criterion (half points allowed). */
@Entity({ name: 'review_scores' })
export class ReviewScoreEntity {
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid' })
  assignmentId: string;

  @ManyToOne(() => ReviewAssignmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id', foreignKeyConstraintName: 'review_scores_assignment_fk' })
  assignment?: ReviewAssignmentEntity;

  @PrimaryColumn({ name: 'criterion_code', type: 'varchar', length: 60 })
  criterionCode: string;

  @Column({
    type: 'numeric',
    precision: 6,
    scale: 1,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  score: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;
}

/** The score that counts for the ranking, set by the administration (the reviewers' mean by default). */
@Entity({ name: 'consensus_scores' })
export class ConsensusScoreEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @PrimaryColumn({ name: 'criterion_code', type: 'varchar', length: 60 })
  criterionCode: string;

  @Column({
    type: 'numeric',
    precision: 6,
    scale: 1,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  score: number;

  @Column({ type: 'text' })
  motivation: string;

  @Column({ name: 'set_by', type: 'uuid' })
  setBy: string;

  @CreateDateColumn({ name: 'set_at', type: 'timestamptz' })
  setAt: Date;
}

/**
 * A selection proposal for a call. At most one is approved per call (partial unique index); approval happens
 * under a lock on the call row and re-checks the budget in the database.
 */
@Entity({ name: 'selection_proposals' })
@Index('selection_proposals_one_approved', ['callId'], { unique: true, where: `status = 'approved'` })
@Check('selection_proposals_status_known', `status IN ('draft','sent','returned','approved')`)
export class SelectionProposalEntity extends ApprovalRecord {
  @Index('selection_proposals_call_idx')
  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'selection_proposals_call_fk' })
  call?: CallEntity;

  @Column({ name: 'margin_rule', type: 'varchar', length: 10 })
  marginRule: 'skip' | 'partial';

  @Column({ type: 'jsonb', default: () => "'[]'" })
  envelopes: Array<{ code: string; budgetCents: number }>;

  /** The proposal as computed: ranking position, outcome, granted amount and reason per dossier, plus the admin's motivated changes. */
  @Column({ type: 'jsonb' })
  lines: Array<Record<string, unknown>>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  overrides: Array<{ dossierId: string; decision: 'select' | 'exclude'; motivation: string }>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  adjustments: Array<{ dossierId: string; adjustedCents: number; motivation: string }>;

  /** Reviews still open on admissible dossiers when computed: such a proposal is a preview and cannot be sent. */
  @Column({ name: 'open_reviews', type: 'integer', default: 0 })
  openReviews: number;
}

/**
 * Promotion of a reserve dossier after an awarded applicant declined: the admin proposes the next reserve dossier that
 * fits in what is left of the budget, the minister confirms (a decision of its own) or refuses. At most one open
 * proposal per call, and a dossier is promoted at most once (partial unique indexes).
 */
@Entity({ name: 'reserve_promotions' })
@Index('reserve_promotions_one_open', ['callId'], { unique: true, where: `status = 'proposed'` })
@Index('reserve_promotions_dossier_once', ['dossierId'], { unique: true, where: `status IN ('proposed','confirmed')` })
@Check('reserve_promotions_status_known', `status IN ('proposed','confirmed','refused')`)
@Check('reserve_promotions_granted_positive', `granted_cents > 0`)
export class ReservePromotionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('reserve_promotions_call_idx')
  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'reserve_promotions_call_fk' })
  call?: CallEntity;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @ManyToOne(() => DossierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'reserve_promotions_dossier_fk' })
  dossier?: DossierEntity;

  @Column({ type: 'varchar', length: 20, default: 'proposed' })
  status: 'proposed' | 'confirmed' | 'refused';

  @Column({ name: 'granted_cents', type: 'bigint', transformer: bigintCents })
  grantedCents: number;

  @Column({ type: 'text' })
  motivation: string;

  @Column({ name: 'proposed_by', type: 'uuid' })
  proposedBy: string;

  @CreateDateColumn({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_date', type: 'date', nullable: true })
  decisionDate: string | null;

  @Column({ name: 'decision_reference', type: 'varchar', length: 100, nullable: true })
  decisionReference: string | null;

  @Column({ type: 'text', nullable: true })
  remarks: string | null;
}

/**
 * A motivated change of a call's budget once the assessment started (ADR 0009): a raise only, never below what is
 * awarded (both held by the database), by the administration before the decision and by the minister after it.
 * Append-only; shown on the proposal and in the decision letters.
 */
@Entity({ name: 'budget_decisions' })
@Check('budget_decisions_raise_only', 'after_cents > before_cents')
export class BudgetDecisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_budget_decisions' })
  id: string;

  @Index('budget_decisions_call_idx')
  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'budget_decisions_call_fk' })
  call?: CallEntity;

  @Column({ name: 'before_cents', type: 'bigint', transformer: bigintCents })
  beforeCents: number;

  @Column({ name: 'after_cents', type: 'bigint', transformer: bigintCents })
  afterCents: number;

  @Column({ type: 'text' })
  motivation: string;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy: string;

  @Column({ name: 'decided_role', type: 'varchar', length: 20 })
  decidedRole: 'admin' | 'minister';

  @CreateDateColumn({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;

  @Column({ name: 'decision_date', type: 'date', nullable: true })
  decisionDate: string | null;

  @Column({ name: 'decision_reference', type: 'varchar', length: 100, nullable: true })
  decisionReference: string | null;
}
