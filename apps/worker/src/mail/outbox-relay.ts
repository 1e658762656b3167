import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JOBS, QUEUES, type MailJobData } from '@portal/contracts';
import { AppConfig, NotificationRepository } from '@portal/server';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

const BATCH = 200;
const REDIS_TIMEOUT_MS = 5000;

export function mailJobId(notificationId: string, dispatchCount: number): string {
  return dispatchCount === 0 ? notificationId : `${notificationId}-r${dispatchCount}`;
}

/**
 * Moves outbox rows to the mail queue. The rows stay locked (SKIP LOCKED for other relays) until the jobs are
 * in Redis; when Redis is down the transaction rolls back and the rows wait for the next pass. A job added
 * just before a crash is added again on the next pass with the same job id, which BullMQ ignores.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private redisDown = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.mail) private readonly queue: Queue<MailJobData>,
    private readonly notifications: NotificationRepository,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One relay pass; returns how many rows it dispatched. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.notifications.lockPending(BATCH, manager);
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
    });
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass().finally(() => this.schedule(this.config.OUTBOX_POLL_MS));
    }, delay);
  }

  private async pass(): Promise<void> {
    try {
      // Keep going while full batches come out, so a burst drains without waiting for the timer.
      while (!this.stopped && (await this.relayOnce()) === BATCH);
      if (this.redisDown) this.logger.log('Outbox relay reaches the queue again');
      this.redisDown = false;
    } catch (error) {
      if (!this.redisDown)
        this.logger.warn(`Outbox relay paused, rows wait in PostgreSQL: ${(error as Error).message}`);
      this.redisDown = true;
    }
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
