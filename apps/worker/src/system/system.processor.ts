import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { JOBS, PingJobData, PingJobResult, QUEUES, WORKER_HEARTBEAT_KEY } from '@portal/contracts';
import { RedisClient } from '@portal/server';
import type { Job } from 'bullmq';
import { hostname } from 'node:os';

export const WORKER_ID = `${hostname()}:${process.pid}`;

/** Liveness jobs: a processed ping proves that a worker consumes the queue. */
@Processor(QUEUES.system)
export class SystemProcessor extends WorkerHost {
  private readonly logger = new Logger(SystemProcessor.name);

  constructor(private readonly redis: RedisClient) {
    super();
  }

  async process(job: Job<PingJobData, PingJobResult>): Promise<PingJobResult> {
    switch (job.name) {
      case JOBS.ping: {
        const processedAt = new Date().toISOString();
        await this.redis.redis.set(this.redis.key(WORKER_HEARTBEAT_KEY), processedAt, 'EX', 120);
        return { pong: true, worker: WORKER_ID, processedAt };
      }
      default:
        this.logger.error(`No handler for job ${job.name} on queue ${QUEUES.system}`);
        throw new Error(`Unknown job ${job.name}`);
    }
  }
}
