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
import { CallEntity } from './call.entity';
import { DossierEntity } from './dossier.entity';

/**
 * A dossier's settlement (ADR 0025), computed once, in the transaction that approves its final report: the effective
 * grant, the planned and accepted costs, what it is entitled to, what was paid then, and the balance. Never changes.
 */
@Entity({ name: 'dossier_settlements' })
@Check(
  'dossier_settlements_amounts',
  'granted_cents >= 0 AND planned_costs_cents >= 0 AND accepted_costs_cents >= 0 AND paid_cents >= 0 AND entitled_cents BETWEEN 0 AND granted_cents AND balance_cents = entitled_cents - paid_cents',
)
export class DossierSettlementEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_dossier_settlements' })
  id: string;

  @Index('dossier_settlements_dossier_unique', { unique: true })
  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @ManyToOne(() => DossierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'dossier_settlements_dossier_fk' })
  dossier?: DossierEntity;

  @Index('dossier_settlements_call_idx')
  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'dossier_settlements_call_fk' })
  call?: CallEntity;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @Column({ name: 'granted_cents', type: 'bigint', transformer: bigintCents })
  grantedCents: number;

  @Column({ name: 'planned_costs_cents', type: 'bigint', transformer: bigintCents })
  plannedCostsCents: number;

  @Column({ name: 'accepted_costs_cents', type: 'bigint', transformer: bigintCents })
  acceptedCostsCents: number;

  @Column({ name: 'entitled_cents', type: 'bigint', transformer: bigintCents })
  entitledCents: number;

  @Column({ name: 'paid_cents', type: 'bigint', transformer: bigintCents })
  paidCents: number;

  @Column({ name: 'balance_cents', type: 'bigint', transformer: bigintCents })
  balanceCents: number;

  @Column({ name: 'computed_by', type: 'uuid' })
  computedBy: string;

  @CreateDateColumn({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;
}

/** WARNING: stored values. */
export type RecoveryStatus = 'open' | 'repaid';

/**
 * A recovery (terugvordering): a settlement with a negative balance. The amount is paid - entitled; status moves
 * open -> repaid when the repayments add up to it (trigger on recovery_repayments).
 */
@Entity({ name: 'recovery_cases' })
@Check('recovery_cases_amount_positive', 'amount_cents > 0')
@Check('recovery_cases_repaid_within', 'repaid_cents BETWEEN 0 AND amount_cents')
@Check('recovery_cases_status', `status IN ('open','repaid')`)
@Check(
  'recovery_cases_status_matches',
  `(status = 'repaid') = (repaid_cents = amount_cents) AND (status = 'repaid') = (repaid_at IS NOT NULL)`,
)
export class RecoveryCaseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_recovery_cases' })
  id: string;

  @Index('recovery_cases_dossier_unique', { unique: true })
  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @ManyToOne(() => DossierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'recovery_cases_dossier_fk' })
  dossier?: DossierEntity;

  @Index('recovery_cases_call_idx')
  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'recovery_cases_call_fk' })
  call?: CallEntity;

  @Index('recovery_cases_settlement_unique', { unique: true })
  @Column({ name: 'settlement_id', type: 'uuid' })
  settlementId: string;

  @ManyToOne(() => DossierSettlementEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'settlement_id', foreignKeyConstraintName: 'recovery_cases_settlement_fk' })
  settlement?: DossierSettlementEntity;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: bigintCents })
  amountCents: number;

  /** The sum of the repayments, kept by the repayments' trigger under the case's row lock. */
  @Column({ name: 'repaid_cents', type: 'bigint', default: 0, transformer: bigintCents })
  repaidCents: number;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status: RecoveryStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'repaid_at', type: 'timestamptz', nullable: true })
  repaidAt: Date | null;
}

/** A repayment the administration recorded against a recovery (partial allowed; never more than is open). */
@Entity({ name: 'recovery_repayments' })
@Check('recovery_repayments_amount_positive', 'amount_cents > 0')
export class RecoveryRepaymentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_recovery_repayments' })
  id: string;

  @Index('recovery_repayments_case_idx')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => RecoveryCaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'recovery_repayments_case_fk' })
  recoveryCase?: RecoveryCaseEntity;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: bigintCents })
  amountCents: number;

  @Column({ name: 'paid_on', type: 'date' })
  paidOn: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

/** One row per recovery reminder given (its number, 1-based): the primary key makes each go out once. */
@Entity({ name: 'recovery_reminders' })
export class RecoveryReminderEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => RecoveryCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'recovery_reminders_case_fk' })
  recoveryCase?: RecoveryCaseEntity;

  @PrimaryColumn({ type: 'smallint' })
  number: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
