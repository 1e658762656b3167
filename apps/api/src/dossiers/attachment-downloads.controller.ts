import { Controller, Get, Logger, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import type { AuthContext } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { AttachmentDownloadRepository, type StoredAttachment } from './attachment-download.repository';
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
    if (!file.stored) {
      // A row of an earlier version whose file was not imported yet (README: moving attachments into the database).
      throw new Error(`Attachment content ${file.sha256} is not in storage: run npm run attachments:import`);
    }
    // The stored name is the uploader's: quoted ASCII fallback plus the exact UTF-8 name (RFC 6266 / 5987).
    const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    response
      .status(200)
      .type(file.content_type)
      .setHeader('Content-Length', String(file.size_bytes))
      .setHeader(
        'Content-Disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      )
      .setHeader('Cache-Control', 'private, no-store');
    // Chunk by chunk from the shared storage (ADR 0019): memory stays flat, any instance serves any file.
    pipeline(this.storage.read(file.sha256, file.size_bytes), response).catch((error: unknown) => {
      this.logger.error({ sha256: file.sha256, error: String(error) }, 'Attachment download failed');
      response.destroy();
    });
  }
}
