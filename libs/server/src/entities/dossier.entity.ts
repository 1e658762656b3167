import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { AnswerValue, BudgetLine, DossierStatus } from '@portal/contracts';
import type { SubscriptionLine } from '@portal/domain';
import { bigintCents } from '../database/transformers';
import { ApplicantEntity } from './applicant.entity';
import { CallEntity } from './call.entity';

/** What a subscription stores next to the dossier's own contribution. */
export interface DossierSubscription {
  lines: SubscriptionLine[];
  priorities: Record<string, number>;
}

/**
 * An application. The row is the working copy; every submitted version is kept in dossier_submissions.
 * One live dossier per applicant per call is a partial unique index: two colleagues pressing "start" or
 * "submit" at the same moment end up with the same dossier. `slot` is 0 on calls with one dossier per
 * applicant; calls that allow several give each dossier its own slot.
 */
@Entity({ name: 'dossiers' })
@Index('dossiers_one_live_per_applicant', ['callId', 'applicantId', 'slot'], {
  unique: true,
  where: `status <> 'withdrawn'`,
})
@Check(
  'dossiers_status_known',
  `status IN ('draft','submitted','withdrawn','inadmissible','awarded','rejected','declined')`,
)
@Check(
  'dossiers_amounts_not_negative',
  'requested_cents >= 0 AND own_contribution_cents >= 0 AND other_income_cents >= 0',
)
export class DossierEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'dossiers_call_fk' })
  call?: CallEntity;

  @Index('dossiers_applicant_idx')
  @Column({ name: 'applicant_id', type: 'uuid' })
  applicantId: string;

  @ManyToOne(() => ApplicantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_id', foreignKeyConstraintName: 'dossiers_applicant_fk' })
  applicant?: ApplicantEntity;

  @Column({ type: 'integer', default: 0 })
  slot: number;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: DossierStatus;

  /** Human reference: the call's next number, given when the dossier is started (ADR 0021; older drafts at their first submission). */
  @Index('dossiers_reference_unique', { unique: true })
  @Column({ type: 'varchar', length: 80, nullable: true })
  reference: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'varchar', length: 300, default: '' })
  title: string;

  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: Record<string, AnswerValue>;

  @Column({ name: 'project_start', type: 'date', nullable: true })
  projectStart: string | null;

  @Column({ name: 'project_end', type: 'date', nullable: true })
  projectEnd: string | null;

  @Column({ name: 'budget_lines', type: 'jsonb', default: () => "'[]'" })
  budgetLines: BudgetLine[];

  /**
   * A subscription to a catalogue call (Plan Samenleven): the planned reach per catalogue row and the priority of
   * each chosen action. The own contribution and the Flemish contribution asked (requested_cents) use the columns
   * every dossier has. Null on project calls.
   */
  @Column({ type: 'jsonb', nullable: true })
  subscription: DossierSubscription | null;

  @Column({ name: 'own_contribution_cents', type: 'bigint', default: 0, transformer: bigintCents })
  ownContributionCents: number;

  @Column({ name: 'other_income_cents', type: 'bigint', default: 0, transformer: bigintCents })
  otherIncomeCents: number;

  @Column({ name: 'requested_cents', type: 'bigint', default: 0, transformer: bigintCents })
  requestedCents: number;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'submission_count', type: 'integer', default: 0 })
  submissionCount: number;

  @Column({ name: 'last_content_hash', type: 'char', length: 64, nullable: true })
  lastContentHash: string | null;

  /** Set by the minister's approval: the amount awarded (0 when rejected). */
  @Column({ name: 'granted_cents', type: 'bigint', nullable: true, transformer: bigintCents })
  grantedCents: number | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
