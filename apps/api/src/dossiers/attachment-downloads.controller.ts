import { Controller, Get, Logger, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import type { AuthContext } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { AttachmentDownloadRepository, type StoredAttachment } from './attachment-download.repository';
import { sendStoredFile } from './attachment-response';
import { AttachmentStorage } from './attachment-storage';

@ApiTags('dossiers')
@Controller({ version: '1' })
export class AttachmentDownloadsController {
  private readonly logger = new Logger(AttachmentDownloadsController.name);

  constructor(
    private readonly downloads: AttachmentDownloadRepository,
    private readonly storage: AttachmentStorage,
  ) {}

  @Roles('applicant', 'admin')
  @Get('dossiers/:id/attachments/:attachmentId')
  @ApiOperation({ summary: "Download an attachment of one's own dossier (admins: any dossier)" })
  async dossierAttachment(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Param('attachmentId', UUID_PIPE) attachmentId: string,
    @Res() response: Response,
  ): Promise<void> {
    this.send(response, await this.downloads.ofDossier(auth, id, attachmentId));
  }

  @Roles('reviewer')
  @Get('assignments/:id/attachments/:attachmentId')
  @ApiOperation({ summary: 'Download an attachment of the submitted version a reviewer assesses' })
  async reviewAttachment(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Param('attachmentId', UUID_PIPE) attachmentId: string,
    @Res() response: Response,
  ): Promise<void> {
    this.send(response, await this.downloads.ofAssignment(auth, id, attachmentId));
  }

  private send(response: Response, file: StoredAttachment): void {
    sendStoredFile(response, this.storage, file, this.logger);
  }
}
