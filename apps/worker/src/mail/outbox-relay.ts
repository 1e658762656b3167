import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JOBS, QUEUES, type MailJobData } from '@portal/contracts';
import { AppConfig, NotificationEntity, NotificationRepository } from '@portal/server';
import type { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { PeriodicTask } from '../scheduling/periodic-task';

const BATCH = 200;
const REDIS_TIMEOUT_MS = 5000;

export function mailJobId(notificationId: string, dispatchCount: number): string {
  return dispatchCount === 0 ? notificationId : `${notificationId}-r${dispatchCount}`;
}

/**
 * Moves outbox rows to the mail queue. The rows stay locked (SKIP LOCKED for other relays) until the jobs are
 * in Redis; when Redis is down the transaction rolls back and the rows wait for the next pass. A job added
 * just before a crash is added again on the next pass with the same job id, which BullMQ ignores.
 *
 * The queue is not the record: a row handed over (queued) but not sent within MAIL_LOCK_MS of its hand-over is handed
 * over again, with the same job id. While the job still exists in Redis (waiting, active, retrying, completed) that is
 * a no-op; when Redis lost it (restarted empty, flushed) the mail is queued again. Delivery is at least once; a
 * duplicate can only come from a job that was really sent and not yet marked so, and carries the same Message-ID
 * (docs/adr/0011-outbox-rehandover-and-password-hashing.md).
 */
@Injectable()
export class OutboxRelay extends PeriodicTask {
  private redisDown = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.mail) private readonly queue: Queue<MailJobData>,
    private readonly notifications: NotificationRepository,
    private readonly config: AppConfig,
  ) {
    super();
  }

  protected override intervalMs(): number {
    return this.config.OUTBOX_POLL_MS;
  }

  protected override firstDelayMs(): number {
    return 0;
  }

  /** One relay pass over new rows; returns how many rows it dispatched. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) =>
      this.handOver(await this.notifications.lockPending(BATCH, manager), manager),
    );
  }

  /** One pass over rows handed over but not sent within the lock window; returns how many it handed over again. */
  async rehandOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) =>
      this.handOver(await this.notifications.lockUnsent(BATCH, this.config.MAIL_LOCK_MS, manager), manager),
    );
  }

  protected override async runOnce(): Promise<void> {
    try {
      // Keep going while full batches come out, so a burst drains without waiting for the timer.
      while (!this.isStopped && (await this.relayOnce()) === BATCH);
      let handedAgain = 0;
      for (let count = BATCH; !this.isStopped && count === BATCH; handedAgain += count) count = await this.rehandOnce();
      if (handedAgain > 0) this.logger.warn(`Handed ${handedAgain} unsent mail(s) to the queue again`);
      if (this.redisDown) this.logger.log('Outbox relay reaches the queue again');
      this.redisDown = false;
    } catch (error) {
      if (!this.redisDown)
        this.logger.warn(`Outbox relay paused, rows wait in PostgreSQL: ${(error as Error).message}`);
      this.redisDown = true;
    }
  }

  private async handOver(rows: NotificationEntity[], manager: EntityManager): Promise<number> {
    if (rows.length === 0) return 0;
    await withTimeout(
      this.queue.addBulk(
        rows.map((row) => ({
          name: JOBS.sendMail,
          data: { notificationId: row.id },
          opts: {
            attempts: this.config.MAIL_ATTEMPTS,
            backoff: { type: 'exponential', delay: this.config.MAIL_BACKOFF_MS },
            jobId: mailJobId(row.id, row.dispatchCount),
          },
        })),
      ),
      REDIS_TIMEOUT_MS,
    );
    await this.notifications.markDispatched(
      rows.map((row) => row.id),
      manager,
    );
    return rows.length;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
