import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AttachmentBlobEntity } from './attachment-blob.entities';
import { DossierReportEntity } from './after-award.entities';

/**
 * A supporting document of a report's cost statement (invoices, pay slips; ADR 0024). Added and removed only while
 * its report is a draft or changes were requested: a trigger refuses any other insert, update or delete, so a
 * submitted or approved report's documents are frozen. The content is an attachment blob (ADR 0019).
 */
@Entity({ name: 'report_documents' })
export class ReportDocumentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'report_documents_pkey' })
  id: string;

  @Index('report_documents_report_idx')
  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @ManyToOne(() => DossierReportEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'report_documents_report_fk' })
  report?: DossierReportEntity;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Index('report_documents_blob_idx')
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @ManyToOne(() => AttachmentBlobEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sha256', foreignKeyConstraintName: 'report_documents_blob_fk' })
  blob?: AttachmentBlobEntity;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}
