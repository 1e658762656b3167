import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  JOBS,
  QUEUES,
  WORKER_HEARTBEAT_KEY,
  type JobName,
  type PasswordResetRequestJobData,
  type PingJobData,
  type PingJobResult,
} from '@portal/contracts';
import { RedisClient } from '@portal/server';
import type { Job } from 'bullmq';
import { hostname } from 'node:os';
import { PasswordResetIssuer } from '../accounts/password-reset-issuer';
import type { JobConsumer } from '../jobs/job-handlers';

export const WORKER_ID = `${hostname()}:${process.pid}`;

type SystemJob = Job<PingJobData, PingJobResult> | Job<PasswordResetRequestJobData, { issued: boolean }>;

/** Liveness jobs (a processed ping proves that a worker consumes the queue) and password reset requests. */
@Processor(QUEUES.system)
export class SystemProcessor extends WorkerHost implements JobConsumer {
  readonly queue = QUEUES.system;
  readonly handledJobs: readonly JobName[] = [JOBS.ping, JOBS.requestPasswordReset];
  private readonly logger = new Logger(SystemProcessor.name);

  constructor(
    private readonly redis: RedisClient,
    private readonly resets: PasswordResetIssuer,
  ) {
    super();
  }

  async process(job: SystemJob): Promise<PingJobResult | { issued: boolean }> {
    switch (job.name) {
      case JOBS.ping: {
        const processedAt = new Date().toISOString();
        await this.redis.redis.set(this.redis.key(WORKER_HEARTBEAT_KEY), processedAt, 'EX', 120);
        return { pong: true, worker: WORKER_ID, processedAt };
      }
      case JOBS.requestPasswordReset:
        // The result says nothing about the address: completed jobs are removed at once anyway.
        await this.resets.handle(job.data as PasswordResetRequestJobData);
        return { issued: true };
      default:
        this.logger.error(`No handler for job ${job.name} on queue ${QUEUES.system}`);
        throw new Error(`Unknown job ${job.name}`);
    }
  }
}
