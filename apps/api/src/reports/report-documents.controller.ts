import { Controller, Delete, Get, HttpCode, Logger, Param, Post, Res, UploadedFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReportDocumentView } from '@portal/contracts';
import type { Response } from 'express';
import { RequiresVerifiedEmail } from '../auth/verified-email.guard';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import type { AuthContext } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { AttachmentUpload, stagedOf, type UploadedAttachment } from '../dossiers/attachment-upload';
import { sendStoredFile } from '../dossiers/attachment-response';
import { AttachmentStorage } from '../dossiers/attachment-storage';
import { ReportDocumentsService } from './report-documents.service';

/** The supporting documents of a report's cost statement (ADR 0024), stored like a dossier's attachments (ADR 0019). */
@ApiTags('reports')
@Controller({ version: '1' })
export class ReportDocumentsController {
  private readonly logger = new Logger(ReportDocumentsController.name);

  constructor(
    private readonly documents: ReportDocumentsService,
    private readonly storage: AttachmentStorage,
  ) {}

  @Roles('applicant', 'admin')
  @Get('reports/:id/documents')
  @ApiOperation({ summary: "The report's supporting documents (invoices, pay slips)" })
  list(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<ReportDocumentView[]> {
    return this.documents.list(auth, id);
  }

  @Roles('applicant')
  @RequiresVerifiedEmail()
  @Post('reports/:id/documents')
  @ApiOperation({
    summary: 'Add a supporting document while the report is a draft or changes were requested (like an attachment)',
  })
  @AttachmentUpload()
  upload(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @UploadedFile() file: UploadedAttachment | undefined,
  ): Promise<ReportDocumentView> {
    return this.documents.add(auth, id, stagedOf(file));
  }

  @Roles('applicant')
  @RequiresVerifiedEmail()
  @Delete('reports/:id/documents/:documentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a supporting document while the report is a draft or changes were requested' })
  remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Param('documentId', UUID_PIPE) documentId: string,
  ): Promise<void> {
    return this.documents.remove(auth, id, documentId);
  }

  @Roles('applicant', 'admin')
  @Get('reports/:id/documents/:documentId')
  @ApiOperation({ summary: 'Download a supporting document (the organisation, the administration)' })
  async download(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Param('documentId', UUID_PIPE) documentId: string,
    @Res() response: Response,
  ): Promise<void> {
    sendStoredFile(response, this.storage, await this.documents.download(auth, id, documentId), this.logger);
  }
}
