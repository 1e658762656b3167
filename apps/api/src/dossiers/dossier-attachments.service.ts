import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FIELD_MESSAGES } from '@portal/contracts';
import type { AttachmentView } from '@portal/contracts';
import { AppException, AuditRepository } from '@portal/server';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { AttachmentStorage } from './attachment-storage';
import { safeFilename } from './content-type';
import { DossierRepository } from './dossier.repository';
import type { StagedUpload } from './upload-staging';

import { DossierAccess } from './dossier-access';
import { toAttachmentView } from './dossier-content';

/**
 * The working copy's attachments: sniffed, size-limited, scanned, stored by content hash, only while the call is
 * open. The upload's staging rows are removed when this returns, whatever happened.
 */
@Injectable()
export class DossierAttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dossiers: DossierRepository,
    private readonly storage: AttachmentStorage,
    private readonly audit: AuditRepository,
    private readonly access: DossierAccess,
  ) {}

  async addAttachment(
    auth: AuthContext,
    id: string,
    kind: string,
    file: StagedUpload | undefined,
  ): Promise<AttachmentView> {
    try {
      return await this.addStaged(auth, id, kind, file);
    } finally {
      await this.storage.discard(file);
    }
  }

  private async addStaged(
    auth: AuthContext,
    id: string,
    kind: string,
    file: StagedUpload | undefined,
  ): Promise<AttachmentView> {
    const dossier = await this.access.mustFind(auth, id);
    const call = await this.access.mustCall(dossier.callId);
    await this.access.assertEditable(dossier, call);
    if (!call.attachments.some((requirement) => requirement.code === kind)) {
      throw new AppException('VALIDATION_FAILED', {
        errors: [
          {
            field: 'kind',
            code: 'unknownAttachment',
            message: FIELD_MESSAGES.unknownAttachmentKind(),
          },
        ],
      });
    }
    const { upload, contentType } = await this.storage.accept(file);
    await this.storage.scan(upload);
    const { sha256 } = upload;
    // The content and the row that names it commit together (the row's foreign key demands the blob).
    const attachment = await this.dataSource.transaction(async (manager) => {
      await this.storage.store(manager, upload);
      const saved = await this.dossiers.insertAttachment(
        {
          dossierId: id,
          kind,
          filename: safeFilename(upload.originalname, contentType),
          contentType,
          sizeBytes: upload.size,
          sha256,
          uploadedBy: auth.user.id,
        },
        manager,
      );
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'dossier.attachment_added',
          entityType: 'dossier',
          entityId: id,
          after: { attachmentId: saved.id, kind, sha256 },
        },
        manager,
      );
      return saved;
    });
    return toAttachmentView(attachment);
  }

  async removeAttachment(auth: AuthContext, id: string, attachmentId: string): Promise<void> {
    const dossier = await this.access.mustFind(auth, id);
    await this.access.assertEditable(dossier, await this.access.mustCall(dossier.callId));
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.dossiers.markAttachmentRemoved(id, attachmentId, manager))) throw new AppException('NOT_FOUND');
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'dossier.attachment_removed',
          entityType: 'dossier',
          entityId: id,
          before: { attachmentId },
        },
        manager,
      );
    });
  }
}
