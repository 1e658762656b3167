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
import type { TrancheTrigger } from '@portal/domain';
import { bigintCents } from '../database/transformers';
import { CallEntity } from './call.entity';
import { DossierEntity } from './dossier.entity';

/**
 * A call's payment schedule (ADR 0023): its tranches, in basis points of each dossier's granted amount. No rows: the
 * default 80/20. New tables, not columns of calls: a decided call's row is frozen (ADR 0009).
 */
@Entity({ name: 'payment_schedule_tranches' })
@Check('payment_schedule_tranches_share', 'share_basis_points BETWEEN 1 AND 10000')
@Check('payment_schedule_tranches_position', 'position BETWEEN 1 AND 6')
@Check(
  'payment_schedule_tranches_trigger_known',
  `trigger IN ('acceptance','interim_report_approved','final_report_approved')`,
)
export class PaymentScheduleTrancheEntity {
  @PrimaryColumn({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'payment_schedule_tranches_call_fk' })
  call?: CallEntity;

  @PrimaryColumn({ type: 'smallint' })
  position: number;

  @Column({ name: 'share_basis_points', type: 'integer' })
  shareBasisPoints: number;

  /** WARNING: stored values, see TRANCHE_TRIGGERS. */
  @Column({ type: 'varchar', length: 30 })
  trigger: TrancheTrigger;

  @Column({ name: 'set_by', type: 'uuid' })
  setBy: string;

  @CreateDateColumn({ name: 'set_at', type: 'timestamptz' })
  setAt: Date;
}

/**
 * The organisation's answer to the award: accepted (with the conditions' text and SHA-256 as shown, and the account
 * to pay to) or declined (with a motivation). One per dossier, never changed.
 */
@Entity({ name: 'award_acceptances' })
@Check('award_acceptances_decision_known', `decision IN ('accepted','declined')`)
@Check(
  'award_acceptances_complete',
  `(decision = 'accepted' AND creditor_iban IS NOT NULL) OR (decision = 'declined' AND motivation IS NOT NULL)`,
)
@Check(
  'award_acceptances_hash_of_text',
  `conditions_sha256 = encode(sha256(convert_to(conditions_text, 'UTF8')), 'hex')`,
)
export class AwardAcceptanceEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_award_acceptances' })
  id: string;

  @Index('award_acceptances_dossier_unique', { unique: true })
  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @ManyToOne(() => DossierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'award_acceptances_dossier_fk' })
  dossier?: DossierEntity;

  @Index('award_acceptances_call_idx')
  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'award_acceptances_call_fk' })
  call?: CallEntity;

  /** WARNING: stored values. */
  @Column({ type: 'varchar', length: 10 })
  decision: 'accepted' | 'declined';

  @Column({ name: 'conditions_text', type: 'text' })
  conditionsText: string;

  @Column({ name: 'conditions_sha256', type: 'varchar', length: 64 })
  conditionsSha256: string;

  @Column({ type: 'text', nullable: true })
  motivation: string | null;

  /** The account the organisation confirmed when accepting (electronic format). */
  @Column({ name: 'creditor_iban', type: 'varchar', length: 34, nullable: true })
  creditorIban: string | null;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy: string;

  @CreateDateColumn({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}

/** One row per acceptance reminder given (its number, 1-based): the primary key makes each go out once. */
@Entity({ name: 'acceptance_reminders' })
export class AcceptanceReminderEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @ManyToOne(() => DossierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'acceptance_reminders_dossier_fk' })
  dossier?: DossierEntity;

  @PrimaryColumn({ type: 'smallint' })
  number: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** WARNING: stored values. */
export type PaymentBatchStatus = 'open' | 'approved' | 'paid' | 'cancelled';

/** Due tranches of one call collected by one admin, approved by another (four eyes), exported, then marked paid. */
@Entity({ name: 'payment_batches' })
@Check('payment_batches_status_known', `status IN ('open','approved','paid','cancelled')`)
@Check('payment_batches_four_eyes', 'approved_by IS NULL OR approved_by <> created_by')
@Check(
  'payment_batches_status_consistent',
  `(status = 'open' AND approved_by IS NULL AND paid_at IS NULL) OR (status = 'approved' AND approved_by IS NOT NULL AND paid_at IS NULL) OR (status = 'paid' AND approved_by IS NOT NULL AND paid_at IS NOT NULL AND execution_date IS NOT NULL) OR (status = 'cancelled' AND approved_by IS NULL)`,
)
export class PaymentBatchEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_payment_batches' })
  id: string;

  @Index('payment_batches_call_idx')
  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'payment_batches_call_fk' })
  call?: CallEntity;

  @Column({ type: 'varchar', length: 12, default: 'open' })
  status: PaymentBatchStatus;

  @Column({ name: 'total_cents', type: 'bigint', transformer: bigintCents })
  totalCents: number;

  @Column({ name: 'item_count', type: 'integer' })
  itemCount: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true })
  cancelledBy: string | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'paid_by', type: 'uuid', nullable: true })
  paidBy: string | null;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  /** The day the bank executed the transfer, as the admin read it from the bank. */
  @Column({ name: 'execution_date', type: 'date', nullable: true })
  executionDate: string | null;
}

/** A tranche of a dossier in a batch, with the amount and account as they were when the batch was compiled. */
@Entity({ name: 'payment_batch_items' })
@Check('payment_batch_items_amount_positive', 'amount_cents > 0')
export class PaymentBatchItemEntity {
  @PrimaryColumn({ name: 'batch_id', type: 'uuid' })
  batchId: string;

  @ManyToOne(() => PaymentBatchEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'batch_id', foreignKeyConstraintName: 'payment_batch_items_batch_fk' })
  batch?: PaymentBatchEntity;

  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @ManyToOne(() => DossierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'payment_batch_items_dossier_fk' })
  dossier?: DossierEntity;

  @PrimaryColumn({ name: 'tranche_position', type: 'smallint' })
  tranchePosition: number;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: bigintCents })
  amountCents: number;

  @Column({ name: 'creditor_iban', type: 'varchar', length: 34 })
  creditorIban: string;

  @Column({ name: 'creditor_name', type: 'varchar', length: 200 })
  creditorName: string;
}

/**
 * The money: one row per tranche paid (written when its batch is approved, paid_at set when the bank executed it).
 * Sum amount_cents per dossier or per call for what was committed or paid; the database refuses a row that takes a
 * dossier above its granted amount or a call above its budget (trigger payments_guard), and a tranche twice.
 */
@Entity({ name: 'payments' })
@Index('payments_tranche_once', ['dossierId', 'tranchePosition'], { unique: true })
@Check('payments_amount_positive', 'amount_cents > 0')
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_payments' })
  id: string;

  @Index('payments_batch_idx')
  @Column({ name: 'batch_id', type: 'uuid' })
  batchId: string;

  @ManyToOne(() => PaymentBatchEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'batch_id', foreignKeyConstraintName: 'payments_batch_fk' })
  batch?: PaymentBatchEntity;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @ManyToOne(() => DossierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'payments_dossier_fk' })
  dossier?: DossierEntity;

  @Index('payments_call_idx')
  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'payments_call_fk' })
  call?: CallEntity;

  @Column({ name: 'tranche_position', type: 'smallint' })
  tranchePosition: number;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: bigintCents })
  amountCents: number;

  @Column({ name: 'creditor_iban', type: 'varchar', length: 34 })
  creditorIban: string;

  @CreateDateColumn({ name: 'approved_at', type: 'timestamptz' })
  approvedAt: Date;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ name: 'execution_date', type: 'date', nullable: true })
  executionDate: string | null;
}
