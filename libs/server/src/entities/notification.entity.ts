import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationStatus, NotificationTemplate } from '@portal/contracts';

/**
 * The transactional outbox and the notification log in one table: a row is written in the same
 * transaction as the change that causes it (no row, no change; no change, no row). The worker's relay
 * moves pending rows to the mail queue with job id = row id, so a replay never duplicates a job.
 */
@Entity({ name: 'notifications' })
@Index('notifications_pending_idx', ['createdAt'], { where: `dispatched_at IS NULL` })
@Check('notifications_status_known', `status IN ('pending','queued','sent','failed')`)
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 60 })
  template: NotificationTemplate;

  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  @Column({ type: 'varchar', length: 2, default: 'nl' })
  locale: 'nl' | 'en';

  /** What the template needs (reference, call title, moment), frozen at the time of the event. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** What the mail is about (e.g. a dossier reference), for the admin's filters. */
  @Index('notifications_subject_ref_idx')
  @Column({ name: 'subject_ref', type: 'varchar', length: 100, nullable: true })
  subjectRef: string | null;

  @Index('notifications_status_idx')
  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: NotificationStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Incremented by each resend, so a resent mail gets a new job id. */
  @Column({ name: 'dispatch_count', type: 'integer', default: 0 })
  dispatchCount: number;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'smtp_message_id', type: 'varchar', length: 300, nullable: true })
  smtpMessageId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
