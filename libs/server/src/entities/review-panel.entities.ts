import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ReviewAssignmentEntity } from './assessment.entities';
import { CallEntity } from './call.entity';
import { UserEntity } from './user.entity';

/**
 * A call's review settings (ADR 0013): how many reviewers each admissible dossier gets and when the reviews are due.
 * A call with this row has a panel: automatic assignment then draws only from its members.
 */
@Entity({ name: 'review_panels' })
@Check('review_panels_per_dossier_range', 'per_dossier BETWEEN 1 AND 10')
export class ReviewPanelEntity {
  @PrimaryColumn({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => CallEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'review_panels_call_fk' })
  call?: CallEntity;

  @Column({ name: 'per_dossier', type: 'integer', default: 3 })
  perDossier: number;

  /** When the reviews are due; reminders go out before and after it. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/**
 * A reviewer on a call's panel. `external`: an expert invited for this call only, whose access to reviews ends with
 * the call's decision (staff reviewers keep theirs).
 */
@Entity({ name: 'review_panel_members' })
export class ReviewPanelMemberEntity {
  @PrimaryColumn({ name: 'call_id', type: 'uuid' })
  callId: string;

  @ManyToOne(() => ReviewPanelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'review_panel_members_panel_fk' })
  panel?: ReviewPanelEntity;

  @Index('review_panel_members_user_idx')
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'review_panel_members_user_fk' })
  user?: UserEntity;

  @Column({ type: 'boolean', default: false })
  external: boolean;

  @Column({ name: 'added_by', type: 'uuid' })
  addedBy: string;

  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' })
  addedAt: Date;
}

/**
 * One row per due-date reminder given for an open assignment ('before' the due date, 'after' it): the primary key
 * makes each go out once, whichever worker scans.
 */
@Entity({ name: 'review_due_reminders' })
@Check('review_due_reminders_kind_known', `kind IN ('before','after')`)
export class ReviewDueReminderEntity {
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid' })
  assignmentId: string;

  @ManyToOne(() => ReviewAssignmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id', foreignKeyConstraintName: 'review_due_reminders_assignment_fk' })
  assignment?: ReviewAssignmentEntity;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  kind: 'before' | 'after';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
