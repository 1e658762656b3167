import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { AllocationResult } from '@portal/domain';
import { bigintCents } from '../database/transformers';
import { ApprovalRecord } from './approval-record';
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
export class CatalogueAllocationEntity extends ApprovalRecord {
  @Index('catalogue_allocations_call_idx')
  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'catalogue_allocations_call_fk' })
  call?: CallEntity;

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
}
