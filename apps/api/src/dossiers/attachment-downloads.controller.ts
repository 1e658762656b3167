import { Controller, Get, Injectable, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppException, memberOfApplicant } from '@portal/server';
import type { Response } from 'express';
import { createReadStream } from 'node:fs';
import { DataSource } from 'typeorm';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import type { AuthContext } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { AttachmentStorage } from './attachment-storage';

interface StoredAttachment {
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
}

/**
 * Who may read which file: the organisation's members (and the administration) every attachment of their dossier;
 * a reviewer only the attachments of the submitted version they assess, while the assignment is theirs and not
 * withdrawn for a conflict of interest. Anything else is "not found", never a hint that it exists.
 */
@Injectable()
export class AttachmentDownloads {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: AttachmentStorage,
  ) {}

  async ofDossier(auth: AuthContext, dossierId: string, attachmentId: string): Promise<StoredAttachment> {
    const admin = auth.user.roles.includes('admin');
    const [row] = await this.dataSource.query<StoredAttachment[]>(
      `SELECT a.filename, a.content_type, a.size_bytes, a.sha256
         FROM attachments a JOIN dossiers d ON d.id = a.dossier_id
        WHERE a.id = $1 AND d.id = $2
          AND ($3 OR ${memberOfApplicant('d.applicant_id', '$4')})`,
      [attachmentId, dossierId, admin, auth.user.id],
    );
    if (!row) throw new AppException('NOT_FOUND');
    return row;
  }

  async ofAssignment(auth: AuthContext, assignmentId: string, attachmentId: string): Promise<StoredAttachment> {
    const [row] = await this.dataSource.query<StoredAttachment[]>(
      `SELECT a.filename, a.content_type, a.size_bytes, a.sha256
         FROM review_assignments r
         JOIN attachments a ON a.dossier_id = r.dossier_id AND a.id = $2
        WHERE r.id = $1 AND r.reviewer_id = $3 AND r.status <> 'conflict'
          AND EXISTS (
            SELECT 1 FROM dossier_submissions s
             WHERE s.dossier_id = r.dossier_id
               AND s.number = (SELECT max(number) FROM dossier_submissions WHERE dossier_id = r.dossier_id)
               AND s.content->'attachments' @> jsonb_build_array(jsonb_build_object('id', a.id::text)))`,
      [assignmentId, attachmentId, auth.user.id],
    );
    if (!row) throw new AppException('NOT_FOUND');
    return row;
  }

  send(response: Response, file: StoredAttachment): void {
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
    const stream = createReadStream(this.storage.pathOf(file.sha256));
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  }
}

@ApiTags('dossiers')
@Controller({ version: '1' })
export class AttachmentDownloadsController {
  constructor(private readonly downloads: AttachmentDownloads) {}

  @Roles('applicant', 'admin')
  @Get('dossiers/:id/attachments/:attachmentId')
  @ApiOperation({ summary: "Download an attachment of one's own dossier (admins: any dossier)" })
  async dossierAttachment(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Param('attachmentId', UUID_PIPE) attachmentId: string,
    @Res() response: Response,
  ): Promise<void> {
    this.downloads.send(response, await this.downloads.ofDossier(auth, id, attachmentId));
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
    this.downloads.send(response, await this.downloads.ofAssignment(auth, id, attachmentId));
  }
}
