import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Req,
  Res,
  UploadedFile,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { FIELD_MESSAGES } from '@portal/contracts';
import type { AttachmentView, DossierSummary, DossierView, SubmissionReceipt } from '@portal/contracts';
import { AppException } from '@portal/server';
import { RequiresVerifiedEmail } from '../auth/verified-email.guard';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { versionFromIfMatch } from '../common/if-match';
import { localeOf } from '../common/problem.filter';
import { type AuthContext, type PortalRequest } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { AttachmentUpload, stagedOf, type UploadedAttachment } from './attachment-upload';
import { RateLimited } from '../security/rate-limited.decorator';
import { DossierAccess } from './dossier-access';
import { DossierAttachmentsService } from './dossier-attachments.service';
import { DossierSubmissionService } from './dossier-submission.service';
import { DossiersService } from './dossiers.service';
import { AttachmentUploadDto, DossierDraftDto, StartDossierDto, SubmitDossierDto } from './dto/dossier-input.dto';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

@ApiTags('dossiers')
@Roles('applicant')
@RequiresVerifiedEmail()
@Controller({ version: '1' })
export class DossiersController {
  constructor(
    private readonly dossiers: DossiersService,
    private readonly access: DossierAccess,
    private readonly attachments: DossierAttachmentsService,
    private readonly submissions: DossierSubmissionService,
  ) {}

  @Post('calls/:callId/dossiers')
  @ApiOperation({ summary: "Start the applicant's dossier for a call, or return the live one (201 new, 200 existing)" })
  async start(
    @CurrentAuth() auth: AuthContext,
    @Param('callId', UUID_PIPE) callId: string,
    @Body() dto: StartDossierDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DossierView> {
    const { dossier, created } = await this.dossiers.start(auth, callId, dto.applicantId, auth.requestId);
    response.status(created ? 201 : 200);
    return dossier;
  }

  @Get('dossiers/mine')
  @ApiOperation({ summary: 'My dossiers, for every applicant I act for' })
  mine(@CurrentAuth() auth: AuthContext): Promise<DossierSummary[]> {
    return this.access.mine(auth);
  }

  @Get('dossiers/:id')
  @ApiOperation({ summary: 'A dossier (404 when it is not one of my applicants)' })
  get(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<DossierView> {
    return this.access.get(auth, id);
  }

  @Patch('dossiers/:id')
  @ApiOperation({
    summary:
      'Save the draft (autosave; a draft breaking a rule is stored with its issues); If-Match: the version last seen, 409 VERSION_CONFLICT otherwise',
  })
  save(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: DossierDraftDto,
  ): Promise<DossierView> {
    return this.dossiers.saveDraft(auth, id, versionFromIfMatch(ifMatch), dto);
  }

  @Post('dossiers/:id/attachments')
  @ApiOperation({
    summary: 'Upload an attachment (PDF, DOCX, XLSX, ODT, JPG, PNG; at most 10 MB; type checked by content)',
  })
  @AttachmentUpload()
  upload(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: AttachmentUploadDto,
    @UploadedFile() file: UploadedAttachment | undefined,
  ): Promise<AttachmentView> {
    return this.attachments.addAttachment(auth, id, dto.kind, stagedOf(file));
  }

  @Delete('dossiers/:id/attachments/:attachmentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an attachment from the working copy (submitted versions keep it)' })
  remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Param('attachmentId', UUID_PIPE) attachmentId: string,
  ): Promise<void> {
    return this.attachments.removeAttachment(auth, id, attachmentId);
  }

  @Post('dossiers/:id/submit')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Submit (Idempotency-Key header) with the declaration on honour accepted; decided on time by the database clock',
  })
  @RateLimited('submit')
  submit(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    // Only validated: without `declaration: true` the pipe refuses the request before anything happens.
    @Body() _dto: SubmitDossierDto,
    @Req() request: PortalRequest,
  ): Promise<SubmissionReceipt> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new AppException('VALIDATION_FAILED', {
        errors: [
          {
            field: 'Idempotency-Key',
            code: 'format',
            message: FIELD_MESSAGES.idempotencyKey(),
          },
        ],
      });
    }
    // The declaration is stored in the language of the page the person read it on.
    const submission = { idempotencyKey: idempotencyKey ?? null, locale: localeOf(request) };
    return this.submissions.submit(auth, id, submission, auth.requestId);
  }

  @Post('dossiers/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the dossier (until the deadline)' })
  withdraw(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<DossierView> {
    return this.dossiers.withdraw(auth, id, auth.requestId);
  }

  @Get('dossiers/:id/receipt')
  @ApiOperation({ summary: 'The receipt of the last submission' })
  receipt(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<SubmissionReceipt> {
    return this.submissions.receipt(auth, id);
  }
}
