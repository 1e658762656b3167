import { Injectable, type FactoryProvider } from '@nestjs/common';
import { AppConfig } from '@portal/server';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { VirusScanner } from '../security/virus-scanner';
import { AttachmentBlobRepository } from './attachment-blob.repository';
import { BlobContent } from './blob-content';
import { PostgresBlobContent } from './postgres-blob-content';
import { S3BlobContent } from './s3-blob-content';
import type { StagedUpload } from './upload-staging';

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
 * twice is stored once) in PostgreSQL or S3, never on the API's own disk. With CLAMSCAN_PATH set the upload's
 * transient file is scanned first; an infected file or a failed scan refuses the upload before anything is stored.
 */
@Injectable()
export class AttachmentStorage {
  constructor(
    private readonly scanner: VirusScanner,
    private readonly blobs: AttachmentBlobRepository,
    private readonly content: BlobContent,
  ) {}

  /** Throws ATTACHMENT_INFECTED or VIRUS_SCAN_UNAVAILABLE unless the scan (when configured) passes. */
  async scan(upload: StagedUpload): Promise<void> {
    // Scanned even when the content is already stored: signatures get newer than the stored file.
    if (this.scanner.enabled) await this.scanner.assertClean(upload.path);
  }

  /**
   * In the transaction that inserts the attachment row: stores the content unless that blob exists already, and
   * holds the blob so that it stays until the row that names it is committed.
   */
  async store(manager: EntityManager, upload: Pick<StagedUpload, 'path' | 'sha256' | 'size'>): Promise<void> {
    if ((await this.blobs.claim(manager, upload.sha256, upload.size)) === 'new') {
      await this.content.write(manager, upload.sha256, upload.size, upload.path);
    }
  }

  read(sha256: string, sizeBytes: number): Readable {
    return this.content.read(sha256, sizeBytes);
  }
}
