import type { ApprovalStatus } from '@portal/domain';
import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';
import { bigintCents } from '../database/transformers';

/**
 * What a selection proposal and a catalogue allocation share: one record of the approval workflow (domain
 * `APPROVAL_STEPS`: draft -> sent -> returned | approved), computed from the inputs `fingerprint` names and decided
 * by the minister with a date and reference. Each table keeps its own call column, checks and indexes.
 */
export abstract class ApprovalRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** WARNING: persisted; the domain's APPROVAL_STATUSES. */
  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: ApprovalStatus;

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
