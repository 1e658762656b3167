import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppException, memberOfApplicant } from '@portal/server';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../common/request-context';

export interface StoredAttachment {
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  /** False only for a row of an earlier version whose file `npm run attachments:import` has not moved in yet. */
  stored: boolean;
}

const STORED = `EXISTS (SELECT 1 FROM attachment_blobs b WHERE b.sha256 = a.sha256) AS stored`;

/**
 * Who may read which file: the organisation's members (and the administration) every attachment of their dossier;
 * a reviewer only the attachments of the submitted version they assess, while the assignment is theirs and not
 * withdrawn for a conflict of interest. Anything else is "not found", never a hint that it exists.
 */
@Injectable()
export class AttachmentDownloadRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ofDossier(auth: AuthContext, dossierId: string, attachmentId: string): Promise<StoredAttachment> {
    const admin = auth.user.roles.includes('admin');
    const [row] = await this.dataSource.query<StoredAttachment[]>(
      `SELECT a.filename, a.content_type, a.size_bytes, a.sha256, ${STORED}
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
      `SELECT a.filename, a.content_type, a.size_bytes, a.sha256, ${STORED}
         FROM review_assignments r
         JOIN attachments a ON a.dossier_id = r.dossier_id AND a.id = $2
        WHERE r.id = $1 AND r.reviewer_id = $3 AND r.status <> 'conflict'
          -- An external expert's access ends with the call's decision (ADR 0013, EXPERT_LIVE_PHASES).
          AND NOT EXISTS (
            SELECT 1 FROM review_panel_members m JOIN dossiers d ON d.call_id = m.call_id JOIN calls c ON c.id = d.call_id
             WHERE d.id = r.dossier_id AND m.user_id = r.reviewer_id AND m.external
               AND call_phase(c) NOT IN ('closed','assessment','proposal_sent'))
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
}
