import { Module } from '@nestjs/common';
import { ApplicantsModule } from '../applicants/applicants.module';
import { CallsModule } from '../calls/calls.module';
import { AttachmentDownloadRepository } from './attachment-download.repository';
import { AttachmentDownloadsController } from './attachment-downloads.controller';
import { AttachmentBlobRepository } from './attachment-blob.repository';
import { AttachmentStorage, BLOB_CONTENT_PROVIDER } from './attachment-storage';
import { DossierRepository } from './dossier.repository';
import { SubmissionRepository } from './submission.repository';
import { DossiersController } from './dossiers.controller';
import { DossierAccess } from './dossier-access';
import { DossierAttachmentsService } from './dossier-attachments.service';
import { DossierSubmissionService } from './dossier-submission.service';
import { DossiersService } from './dossiers.service';
import { UploadStaging } from './upload-staging';
import { UploadStagingRepository } from './upload-staging.repository';

@Module({
  imports: [CallsModule, ApplicantsModule],
  controllers: [DossiersController, AttachmentDownloadsController],
  providers: [
    DossiersService,
    DossierAccess,
    DossierAttachmentsService,
    DossierSubmissionService,
    DossierRepository,
    SubmissionRepository,
    AttachmentStorage,
    AttachmentBlobRepository,
    BLOB_CONTENT_PROVIDER,
    AttachmentDownloadRepository,
    UploadStaging,
    UploadStagingRepository,
  ],
  // The reports' supporting documents use the same staging, storage, scan and blobs (ADR 0019, 0024); the upload
  // interceptors of their controller need UploadStaging.
  exports: [AttachmentStorage, UploadStaging],
})
export class DossiersModule {}
