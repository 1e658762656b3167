import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PURGED_NOTIFICATION_PAYLOAD } from '@portal/contracts';
import { DataSource } from 'typeorm';

/** Rows per statement, so a large backlog never holds long locks. */
const BATCH = 5_000;

export interface RetentionReport {
  sessions: number;
  passwordResets: number;
  secondFactorChallenges: number;
  emailVerifications: number;
  invitations: number;
  staffInvitations: number;
  notificationBodies: number;
  unreferencedAttachmentBlobs: number;
  abandonedUploadChunks: number;
}

/** Staged upload chunks older than this are left by a crash (an upload lives for one request): ADR 0019. */
const UPLOAD_STAGING_MAX_AGE_HOURS = 24;

/** The retention purge's statements (docs/privacy.md), each in batches and idempotent. */
@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Purges what is older than `days`; `stopped` ends a long pass between batches (a worker shutting down). */
  async purge(days: number, stopped: () => boolean): Promise<RetentionReport> {
    const inBatches = (sql: string, age = days) => this.inBatches(sql, age, stopped);
    const cutoff = `now() - make_interval(days => $1)`;
    return {
      // Sessions that ended (expired or logged out) more than N days ago: their IP address and browser go with them.
      sessions: await inBatches(
        `DELETE FROM sessions WHERE id IN (
           SELECT id FROM sessions
            WHERE expires_at < ${cutoff} OR (revoked_at IS NOT NULL AND revoked_at < ${cutoff})
            LIMIT ${BATCH})`,
      ),
      // Used or expired reset links: single-use, nothing left to check against.
      passwordResets: await inBatches(
        `DELETE FROM password_resets WHERE id IN (
           SELECT id FROM password_resets
            WHERE expires_at < ${cutoff} OR (used_at IS NOT NULL AND used_at < ${cutoff})
            LIMIT ${BATCH})`,
      ),
      // Second-factor login steps: single-use and valid minutes; the login itself is in the audit log.
      secondFactorChallenges: await inBatches(
        `DELETE FROM second_factor_challenges WHERE id IN (
           SELECT id FROM second_factor_challenges WHERE expires_at < ${cutoff} LIMIT ${BATCH})`,
      ),
      // Used, replaced or expired e-mail confirmation links: single-use too.
      emailVerifications: await inBatches(
        `DELETE FROM email_verifications WHERE id IN (
           SELECT id FROM email_verifications
            WHERE expires_at < ${cutoff} OR (used_at IS NOT NULL AND used_at < ${cutoff})
            LIMIT ${BATCH})`,
      ),
      // Accepted or expired invitations hold the invitee's address; the membership (or nothing) is what remains.
      invitations: await inBatches(
        `DELETE FROM invitations WHERE id IN (
           SELECT id FROM invitations
            WHERE (accepted_at IS NOT NULL AND accepted_at < ${cutoff}) OR (accepted_at IS NULL AND expires_at < ${cutoff})
            LIMIT ${BATCH})`,
      ),
      // Staff and expert invitations likewise: the account (or nothing) remains, the audit log says who invited whom.
      staffInvitations: await inBatches(
        `DELETE FROM staff_invitations WHERE id IN (
           SELECT id FROM staff_invitations
            WHERE (accepted_at IS NOT NULL AND accepted_at < ${cutoff}) OR (accepted_at IS NULL AND expires_at < ${cutoff})
            LIMIT ${BATCH})`,
      ),
      // Sent mails keep their log line (template, address, moment, SMTP id) but not their body (names, motivations, links).
      notificationBodies: await inBatches(
        `UPDATE notifications SET payload = '${JSON.stringify(PURGED_NOTIFICATION_PAYLOAD)}'::jsonb WHERE id IN (
           SELECT id FROM notifications
            WHERE status = 'sent' AND sent_at < ${cutoff} AND NOT (payload ? 'purged')
            LIMIT ${BATCH})`,
      ),
      // Attachment content no attachment row and no report document names (ADR 0019, 0024); its chunks go with it
      // (ON DELETE CASCADE). Attachment rows are never deleted; a report document removed while drafting is, so its
      // blob can end up unnamed. A blob an upload is about to use is locked by that upload (FOR KEY SHARE) and
      // skipped. S3 objects stay: see the README.
      unreferencedAttachmentBlobs: await inBatches(
        `DELETE FROM attachment_blobs WHERE sha256 IN (
           SELECT b.sha256 FROM attachment_blobs b
            WHERE b.created_at < ${cutoff} AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = b.sha256)
              AND NOT EXISTS (SELECT 1 FROM report_documents r WHERE r.sha256 = b.sha256)
            LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
      ),
      // Uploads in flight are staged in attachment_upload_chunks and removed when their request ends; rows a day old
      // are what an API instance that died mid-upload left. Not personal data kept for RETENTION_DAYS: a fixed age.
      abandonedUploadChunks: await inBatches(
        `DELETE FROM attachment_upload_chunks WHERE (upload_id, seq) IN (
           SELECT upload_id, seq FROM attachment_upload_chunks
            WHERE created_at < now() - make_interval(hours => $1) LIMIT ${BATCH})`,
        UPLOAD_STAGING_MAX_AGE_HOURS,
      ),
    };
  }

  private async inBatches(sql: string, age: number, stopped: () => boolean): Promise<number> {
    let total = 0;
    for (;;) {
      // pg answers [rows, affected] for DELETE/UPDATE through TypeORM's query().
      const result = await this.dataSource.query<[unknown[], number]>(sql, [age]);
      const affected = Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
      total += affected;
      if (affected < BATCH || stopped()) return total;
    }
  }
}
