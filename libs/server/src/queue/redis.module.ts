import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { redisOptions } from './redis-connection';

/**
 * A plain Redis client for health checks and heartbeats. It fails fast instead of queueing
 * commands while Redis is down, so a health check answers "down" rather than hanging.
 */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  readonly redis: Redis;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    this.redis = new Redis({
      ...redisOptions(config.REDIS_URL),
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    this.redis.on('error', () => undefined); // state is reported by ping(); reconnects are automatic
  }

  key(name: string): string {
    return `${this.config.REDIS_PREFIX}:${name}`;
  }

  /**
   * Resolves when Redis answers a PING within `timeoutMs`, counting the connection: a client still connecting (a
   * process that just started, or Redis coming back) is waited for, rather than reported down at once.
   */
  async ping(timeoutMs = 1500): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    let onReady: (() => void) | undefined;
    try {
      await Promise.race([
        (async () => {
          const { status } = this.redis;
          if (status === 'wait' || status === 'end') await this.redis.connect().catch(() => undefined);
          else if (status !== 'ready') await new Promise<void>((ready) => this.redis.once('ready', (onReady = ready)));
          await this.redis.ping();
        })(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('Redis ping timed out')), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
      if (onReady) this.redis.off('ready', onReady);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
