import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * The content of attachments, addressed by its SHA-256: the same file uploaded twice (by one dossier or by two) is
 * one blob. With ATTACHMENT_STORAGE=postgres (the default) its bytes are the rows of attachment_blob_chunks; with
 * ATTACHMENT_STORAGE=s3 they are the object named by the hash in S3_BUCKET and this row has no chunks (ADR 0019).
 */
@Entity({ name: 'attachment_blobs' })
export class AttachmentBlobEntity {
  @PrimaryColumn({ type: 'char', length: 64, primaryKeyConstraintName: 'attachment_blobs_pk' })
  sha256: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One piece (256 KiB, the last one shorter) of a blob stored in PostgreSQL, numbered from 0. */
@Entity({ name: 'attachment_blob_chunks' })
export class AttachmentBlobChunkEntity {
  @PrimaryColumn({ type: 'char', length: 64, primaryKeyConstraintName: 'attachment_blob_chunks_pk' })
  sha256: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'attachment_blob_chunks_pk' })
  seq: number;

  @ManyToOne(() => AttachmentBlobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sha256', foreignKeyConstraintName: 'attachment_blob_chunks_blob_fk' })
  blob?: AttachmentBlobEntity;

  @Column({ type: 'bytea' })
  data: Buffer;
}

/**
 * One piece (256 KiB, the last one shorter) of an upload in flight, numbered from 0 (ADR 0019, amendment): the
 * multipart part is written here as it arrives, one autocommitted row at a time, then sniffed, scanned and copied
 * into attachment_blob_chunks by the transaction that inserts the attachment row, and deleted. The table is UNLOGGED
 * (a crash empties it, which only fails the uploads in flight); the worker deletes rows older than a day.
 */
@Entity({ name: 'attachment_upload_chunks' })
export class AttachmentUploadChunkEntity {
  @PrimaryColumn({ name: 'upload_id', type: 'uuid', primaryKeyConstraintName: 'attachment_upload_chunks_pk' })
  uploadId: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'attachment_upload_chunks_pk' })
  seq: number;

  @Column({ type: 'bytea' })
  data: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
