import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DossierEntity } from './dossier.entity';

/** Every submitted version, as it was submitted; the last one counts. */
@Entity({ name: 'dossier_submissions' })
@Index('dossier_submissions_number_unique', ['dossierId', 'number'], { unique: true })
@Index('dossier_submissions_idempotency_unique', ['dossierId', 'idempotencyKey'], { unique: true })
export class DossierSubmissionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @ManyToOne(() => DossierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'dossier_submissions_dossier_fk' })
  dossier?: DossierEntity;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'varchar', length: 80 })
  reference: string;

  /** The database clock at the moment of submission. */
  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;

  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 100, nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy: string;

  /** The declaration on honour as accepted (the page's language, the applicant's name filled in); null before 2026-12. */
  @Column({ type: 'text', nullable: true })
  declaration: string | null;
}
