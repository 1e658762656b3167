import { Injectable } from '@nestjs/common';
import { AppConfig, AuditRepository } from '@portal/server';
import { PeriodicTask } from '../scheduling/periodic-task';
import { RetentionRepository, type RetentionReport } from './retention.repository';

export type { RetentionReport };

/** The first pass waits a minute after boot (a restart loop should not hammer the database), then one pass an hour. */
const FIRST_PASS_DELAY_MS = 60_000;
const PASS_INTERVAL_MS = 60 * 60_000;

/**
 * Storage limitation (GDPR art. 5(1)(e)): removes personal data the portal no longer needs once RETENTION_DAYS have
 * passed. What is purged and why is listed in docs/privacy.md. Audit events, dossiers and their submissions are kept
 * under the archival rules and never touched here. Several workers may run it at once: every statement is idempotent.
 */
@Injectable()
export class RetentionService extends PeriodicTask {
  constructor(
    private readonly retention: RetentionRepository,
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
    const report = await this.retention.purge(days, () => this.isStopped);
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
}
