import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One row per reminder given: the primary key makes each reminder go out once, however many workers scan. */
@Entity({ name: 'reminders' })
export class ReminderEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @PrimaryColumn({ name: 'offset_minutes', type: 'integer' })
  offsetMinutes: number;

  /** False when a more urgent reminder was due at the same scan and this one was skipped. */
  @Column({ type: 'boolean', default: true })
  sent: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
