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
import type {
  ChangeRequestKind,
  ChangeRequestStatus,
  CostLine,
  ReportIndicatorDefinition,
  ReportIndicatorValue,
  ReportKind,
  ReportStatus,
} from '@portal/contracts';
import { bigintCents } from '../database/transformers';
import { CallEntity } from './call.entity';
import { DossierEntity } from './dossier.entity';

/**
 * After the award (ADR 0024). A decided call and its dossiers are frozen (ADR 0009), so everything that happens
 * after the decision lives in these tables of its own.
 */

/** A call's reporting: whether an interim report is asked, the due dates, the indicators every report holds. */
@Entity({ name: 'call_report_settings' })
@Check('call_report_settings_interim_due', 'NOT interim_required OR interim_due_at IS NOT NULL')
export class CallReportSettingsEntity {
  @PrimaryColumn({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => CallEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'call_report_settings_call_fk' })
  call?: CallEntity;

  @Column({ name: 'interim_required', type: 'boolean', default: false })
  interimRequired: boolean;

  @Column({ name: 'interim_due_at', type: 'timestamptz', nullable: true })
  interimDueAt: Date | null;

  @Column({ name: 'final_due_at', type: 'timestamptz' })
  finalDueAt: Date;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  indicators: ReportIndicatorDefinition[];

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/**
 * An awarded dossier's interim or final report. Planned costs and the granted amount are copied from the submitted
 * dossier when the report starts; the approval stores the accepted costs, from which the balance follows
 * (granted x min(1, accepted / planned) - paid). An approved report never changes (trigger).
 */
@Entity({ name: 'dossier_reports' })
@Index('dossier_reports_one_per_kind', ['dossierId', 'kind'], { unique: true })
@Check('dossier_reports_kind_known', `kind IN ('interim','final')`)
@Check('dossier_reports_status_known', `status IN ('draft','submitted','changes_requested','approved')`)
@Check(
  'dossier_reports_amounts_not_negative',
  'planned_costs_cents >= 0 AND granted_cents >= 0 AND (accepted_costs_cents IS NULL OR accepted_costs_cents >= 0)',
)
@Check(
  'dossier_reports_approved_has_accepted_costs',
  `status <> 'approved' OR (accepted_costs_cents IS NOT NULL AND decided_at IS NOT NULL)`,
)
export class DossierReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @ManyToOne(() => DossierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'dossier_reports_dossier_fk' })
  dossier?: DossierEntity;

  @Column({ type: 'varchar', length: 10 })
  kind: ReportKind;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: ReportStatus;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'text', default: '' })
  narrative: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  indicators: ReportIndicatorValue[];

  @Column({ name: 'cost_lines', type: 'jsonb', default: () => "'[]'" })
  costLines: CostLine[];

  @Column({ name: 'planned_costs_cents', type: 'bigint', transformer: bigintCents })
  plannedCostsCents: number;

  @Column({ name: 'granted_cents', type: 'bigint', transformer: bigintCents })
  grantedCents: number;

  @Column({ name: 'accepted_costs_cents', type: 'bigint', nullable: true, transformer: bigintCents })
  acceptedCostsCents: number | null;

  /** The declaration on honour as accepted with the last submission. */
  @Column({ type: 'text', nullable: true })
  declaration: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  /** The administration's motivation of its last decision (required when asking for changes). */
  @Column({ type: 'text', nullable: true })
  motivation: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** One row per report reminder given ('before' the due date, 'after' it): each goes out once, whichever worker scans. */
@Entity({ name: 'report_due_reminders' })
@Check('report_due_reminders_kinds_known', `report_kind IN ('interim','final') AND kind IN ('before','after')`)
export class ReportDueReminderEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @ManyToOne(() => DossierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'report_due_reminders_dossier_fk' })
  dossier?: DossierEntity;

  @PrimaryColumn({ name: 'report_kind', type: 'varchar', length: 10 })
  reportKind: ReportKind;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  kind: 'before' | 'after';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A change after the award asked by the organisation and decided by the administration. A change never raises the
 * granted amount: `granted_cents_after` is at most the dossier's granted amount (CHECK and trigger).
 */
@Entity({ name: 'change_requests' })
@Index('change_requests_dossier_idx', ['dossierId'])
@Check('change_requests_kind_known', `kind IN ('period','budget_shift','partner','other')`)
@Check('change_requests_status_known', `status IN ('requested','approved','refused')`)
@Check(
  'change_requests_never_raise',
  'granted_cents_after IS NULL OR (granted_cents_after >= 0 AND granted_cents_after <= granted_cents_before)',
)
@Check(
  'change_requests_decided_motivated',
  `status = 'requested' OR (decision_motivation IS NOT NULL AND decided_at IS NOT NULL)`,
)
export class ChangeRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @ManyToOne(() => DossierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'change_requests_dossier_fk' })
  dossier?: DossierEntity;

  @Column({ type: 'varchar', length: 20 })
  kind: ChangeRequestKind;

  @Column({ type: 'text' })
  motivation: string;

  @Column({ name: 'new_end_date', type: 'date', nullable: true })
  newEndDate: string | null;

  @Column({ name: 'granted_cents_before', type: 'bigint', transformer: bigintCents })
  grantedCentsBefore: number;

  @Column({ name: 'granted_cents_after', type: 'bigint', nullable: true, transformer: bigintCents })
  grantedCentsAfter: number | null;

  @Column({ type: 'varchar', length: 20, default: 'requested' })
  status: ChangeRequestStatus;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decision_motivation', type: 'text', nullable: true })
  decisionMotivation: string | null;
}
