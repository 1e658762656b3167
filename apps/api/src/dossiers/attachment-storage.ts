import { Injectable, type FactoryProvider } from '@nestjs/common';
import { FIELD_MESSAGES } from '@portal/contracts';
import { AppConfig, AppException } from '@portal/server';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { VirusScanner } from '../security/virus-scanner';
import { AttachmentBlobRepository } from './attachment-blob.repository';
import { BlobContent } from './blob-content';
import { MAX_ATTACHMENT_BYTES, sniffContentType } from './content-type';
import { PostgresBlobContent } from './postgres-blob-content';
import { S3BlobContent } from './s3-blob-content';
import { UploadStaging, type StagedUpload } from './upload-staging';

/** The configured driver (ATTACHMENT_STORAGE): PostgreSQL by default, S3 when asked. */
export async function createBlobContent(config: AppConfig, blobs: AttachmentBlobRepository): Promise<BlobContent> {
  return config.ATTACHMENT_STORAGE === 's3' ? S3BlobContent.create(config) : new PostgresBlobContent(blobs);
}

export const BLOB_CONTENT_PROVIDER: FactoryProvider<Promise<BlobContent>> = {
  provide: BlobContent,
  inject: [AppConfig, AttachmentBlobRepository],
  useFactory: createBlobContent,
};

/**
 * Attachments' content, shared by every API instance (ADR 0019): addressed by SHA-256 (the same file uploaded
 * twice is stored once) in PostgreSQL or S3, never on the API's own disk. Uploads arrive staged in the database
 * (UploadStaging). With CLAMSCAN_PATH set they are scanned first (streamed from the staging rows to the scanner);
 * an infected file or a failed scan refuses the upload before anything is stored.
 */
@Injectable()
export class AttachmentStorage {
  constructor(
    private readonly scanner: VirusScanner,
    private readonly blobs: AttachmentBlobRepository,
    private readonly content: BlobContent,
    private readonly staging: UploadStaging,
  ) {}

  /** The checks every upload passes before it is scanned and stored: a file, not too large, of an accepted type. */
  async accept(file: StagedUpload | undefined): Promise<{ upload: StagedUpload; contentType: string }> {
    if (!file || file.size === 0) {
      throw new AppException('VALIDATION_FAILED', {
        errors: [{ field: 'file', code: 'required', message: FIELD_MESSAGES.fileRequired() }],
      });
    }
    if (file.size > MAX_ATTACHMENT_BYTES) throw new AppException('ATTACHMENT_TOO_LARGE');
    const contentType = await sniffContentType(this.staging.ranges(file));
    if (!contentType) throw new AppException('ATTACHMENT_TYPE_REFUSED');
    return { upload: file, contentType };
  }

  /** Throws ATTACHMENT_INFECTED or VIRUS_SCAN_UNAVAILABLE unless the scan (when configured) passes. */
  async scan(upload: StagedUpload): Promise<void> {
    // Scanned even when the content is already stored: signatures get newer than the stored file.
    if (this.scanner.enabled) await this.scanner.assertClean(this.staging.content(upload));
  }

  /**
   * In the transaction that inserts the attachment row: stores the content unless that blob exists already, and
   * holds the blob so that it stays until the row that names it is committed.
   */
  async store(manager: EntityManager, upload: Omit<StagedUpload, 'originalname'>): Promise<void> {
    if ((await this.blobs.claim(manager, upload.sha256, upload.size)) === 'new') {
      // PostgreSQL copies the staging rows server-side; S3 streams them from this transaction's connection.
      await this.content.write(manager, upload.sha256, upload.size, this.staging.source(upload));
    }
  }

  /** Removes the upload's staging rows; never throws. Every upload's handler calls it when it ends. */
  discard(upload: StagedUpload | undefined): Promise<void> {
    return this.staging.discard(upload);
  }

  read(sha256: string, sizeBytes: number): Readable {
    return this.content.read(sha256, sizeBytes);
  }
}
