import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WORKER_HEARTBEAT_KEY } from '@portal/contracts';
import { RedisClient } from '@portal/server';

/** Writes the worker's heartbeat to Redis so /api/health can show when a worker was last alive. */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(private readonly redis: RedisClient) {}

  async onApplicationBootstrap(): Promise<void> {
    const beat = () =>
      this.redis.redis
        .set(this.redis.key(WORKER_HEARTBEAT_KEY), new Date().toISOString(), 'EX', 60)
        .catch(() => undefined);
    await this.redis.ping().catch(() => undefined);
    await beat();
    this.timer = setInterval(() => void beat(), 15_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
