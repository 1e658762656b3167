import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PURGED_NOTIFICATION_PAYLOAD } from '@portal/contracts';
import { AppConfig, AuditRepository } from '@portal/server';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '../scheduling/periodic-task';

/** The first pass waits a minute after boot (a restart loop should not hammer the database), then one pass an hour. */
const FIRST_PASS_DELAY_MS = 60_000;
const PASS_INTERVAL_MS = 60 * 60_000;
/** Rows per statement, so a large backlog never holds long locks. */
const BATCH = 5_000;

export interface RetentionReport {
  sessions: number;
  passwordResets: number;
  invitations: number;
  notificationBodies: number;
}

/**
 * Storage limitation (GDPR art. 5(1)(e)): removes personal data the portal no longer needs once RETENTION_DAYS have
 * passed. What is purged and why is listed in docs/privacy.md. Audit events, dossiers and their submissions are kept
 * under the archival rules and never touched here. Several workers may run it at once: every statement is idempotent.
 */
@Injectable()
export class RetentionService extends PeriodicTask {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
    private readonly config: AppConfig,
  ) {
    super();
  }

  protected override firstDelayMs(): number {
    return FIRST_PASS_DELAY_MS;
  }

  protected override intervalMs(): number {
    return PASS_INTERVAL_MS;
  }

  protected override runOnce(): Promise<RetentionReport> {
    return this.purgeOnce();
  }

  /** One pass; returns what it removed. Writes one audit event when anything was removed. */
  async purgeOnce(): Promise<RetentionReport> {
    const days = this.config.RETENTION_DAYS;
    const cutoff = `now() - make_interval(days => $1)`;
    const report: RetentionReport = {
      // Sessions that ended (expired or logged out) more than N days ago: their IP address and browser go with them.
      sessions: await this.inBatches(
        `DELETE FROM sessions WHERE id IN (
           SELECT id FROM sessions
            WHERE expires_at < ${cutoff} OR (revoked_at IS NOT NULL AND revoked_at < ${cutoff})
            LIMIT ${BATCH})`,
        days,
      ),
      // Used or expired reset links: single-use, nothing left to check against.
      passwordResets: await this.inBatches(
        `DELETE FROM password_resets WHERE id IN (
           SELECT id FROM password_resets
            WHERE expires_at < ${cutoff} OR (used_at IS NOT NULL AND used_at < ${cutoff})
            LIMIT ${BATCH})`,
        days,
      ),
      // Accepted or expired invitations hold the invitee's address; the membership (or nothing) is what remains.
      invitations: await this.inBatches(
        `DELETE FROM invitations WHERE id IN (
           SELECT id FROM invitations
            WHERE (accepted_at IS NOT NULL AND accepted_at < ${cutoff}) OR (accepted_at IS NULL AND expires_at < ${cutoff})
            LIMIT ${BATCH})`,
        days,
      ),
      // Sent mails keep their log line (template, address, moment, SMTP id) but not their body (names, motivations, links).
      notificationBodies: await this.inBatches(
        `UPDATE notifications SET payload = '${JSON.stringify(PURGED_NOTIFICATION_PAYLOAD)}'::jsonb WHERE id IN (
           SELECT id FROM notifications
            WHERE status = 'sent' AND sent_at < ${cutoff} AND NOT (payload ? 'purged')
            LIMIT ${BATCH})`,
        days,
      ),
    };
    if (Object.values(report).some((count) => count > 0)) {
      await this.audit.record({
        actorUserId: null,
        action: 'retention.purged',
        entityType: 'system',
        entityId: null,
        after: { retentionDays: days, ...report },
      });
      this.logger.log(`Retention pass (${days} days): ${JSON.stringify(report)}`);
    }
    return report;
  }

  private async inBatches(sql: string, days: number): Promise<number> {
    let total = 0;
    for (;;) {
      // pg answers [rows, affected] for DELETE/UPDATE through TypeORM's query().
      const result = await this.dataSource.query<[unknown[], number]>(sql, [days]);
      const affected = Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
      total += affected;
      if (affected < BATCH || this.isStopped) return total;
    }
  }
}
