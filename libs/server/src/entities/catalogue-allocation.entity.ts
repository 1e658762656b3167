import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AllocationResult } from '@portal/domain';
import { bigintCents } from '../database/transformers';
import { CallEntity } from './call.entity';

/** One submitted subscription as the allocation saw it: the version it was computed from. */
export interface AllocationSubscriber {
  dossierId: string;
  reference: string;
  applicantId: string;
  legalName: string;
  nisCode: string | null;
  submissionNumber: number;
  contentHash: string;
  askedCents: number;
  ownContributionCents: number;
}

/**
 * The allocation of a catalogue call's budget over its subscriptions (by priority rounds, `allocate` in libs/domain),
 * stored with its inputs and its full result so that what the minister approves is exactly what was shown.
 * Same life cycle as a selection proposal: draft -> sent -> (returned -> sent) -> approved; at most one approved per
 * call (partial unique index), approval under a lock on the call row with a budget re-check in the database.
 */
@Entity({ name: 'catalogue_allocations' })
@Index('catalogue_allocations_one_approved', ['callId'], { unique: true, where: `status = 'approved'` })
@Check('catalogue_allocations_status_known', `status IN ('draft','sent','returned','approved')`)
@Check('catalogue_allocations_within_budget', 'granted_cents >= 0 AND granted_cents <= budget_cents')
export class CatalogueAllocationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('catalogue_allocations_call_idx')
  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'catalogue_allocations_call_fk' })
  call?: CallEntity;

  /** WARNING: persisted; the same values as selection_proposals.status. */
  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: 'draft' | 'sent' | 'returned' | 'approved';

  /** The call budget the allocation shared (a copy: the call may not change it afterwards, but the record stands alone). */
  @Column({ name: 'budget_cents', type: 'bigint', transformer: bigintCents })
  budgetCents: number;

  @Column({ name: 'action_budgets', type: 'jsonb', default: () => "'{}'" })
  actionBudgets: Record<string, number>;

  @Column({ type: 'jsonb' })
  subscribers: AllocationSubscriber[];

  /** The domain's AllocationResult; subscriberId is the dossier id. */
  @Column({ type: 'jsonb' })
  result: AllocationResult;

  @Column({ name: 'granted_cents', type: 'bigint', transformer: bigintCents })
  grantedCents: number;

  /** `assessment_fingerprint(call)` when computed; sending or approving needs the same inputs still (else stale). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  fingerprint: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'text', nullable: true })
  remarks: string | null;

  @Column({ name: 'decision_date', type: 'date', nullable: true })
  decisionDate: string | null;

  @Column({ name: 'decision_reference', type: 'varchar', length: 100, nullable: true })
  decisionReference: string | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;
}
