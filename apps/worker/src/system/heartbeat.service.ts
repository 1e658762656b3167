import { Injectable } from '@nestjs/common';
import { WORKER_HEARTBEAT_KEY } from '@portal/contracts';
import { RedisClient } from '@portal/server';
import { PeriodicTask } from '../scheduling/periodic-task';

const BEAT_MS = 15_000;

/** Writes the worker's heartbeat to Redis so /api/health can show when a worker was last alive. */
@Injectable()
export class HeartbeatService extends PeriodicTask {
  constructor(private readonly redis: RedisClient) {
    super();
  }

  /** The first beat is written before the worker reports itself started, so /api/health sees it at once. */
  protected override async beforeSchedule(): Promise<void> {
    await this.redis.ping().catch(() => undefined);
    await this.runNow();
  }

  protected override intervalMs(): number {
    return BEAT_MS;
  }

  protected override async runOnce(): Promise<void> {
    await this.redis.redis
      .set(this.redis.key(WORKER_HEARTBEAT_KEY), new Date().toISOString(), 'EX', 60)
      .catch(() => undefined);
  }
}
