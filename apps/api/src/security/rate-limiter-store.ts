import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppConfig, redisOptions } from '@portal/server';

export interface LimiterOptions {
  /** Names the counter in Redis: `<REDIS_PREFIX>:rl:<name>:<key>`. */
  name: string;
  points: number;
  durationSeconds: number;
}

/** The state of a key: null when it has no counter yet. */
export type LimiterState = RateLimiterRes | null;

/**
 * Counters for rate limits and login throttling, shared by every API instance through Redis.
 * When Redis is down or slow, each limiter falls back to an in-memory twin (the "insurance" limiter), so logins,
 * submits and uploads keep working and are still limited per instance. The Redis client fails fast for that reason:
 * no offline queue, a short command timeout, no waiting while disconnected.
 */
@Injectable()
export class RateLimiterStore implements OnApplicationShutdown {
  private readonly logger = new Logger(RateLimiterStore.name);
  private readonly redis: Redis;
  private warnedAt = 0;

  constructor(private readonly config: AppConfig) {
    this.redis = new Redis({
      ...redisOptions(config.REDIS_URL),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 500,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
      // Commands issued in the same tick go out as one pipeline: a submit's two counters (per user, per address)
      // cost one round trip (RateLimitGuard consumes them together).
      enableAutoPipelining: true,
    });
    this.redis.on('error', () => undefined); // reconnects are automatic; the insurance limiter covers the gap
  }

  limiter({ name, points, durationSeconds }: LimiterOptions): RateLimiterAbstract {
    const keyPrefix = `${this.config.REDIS_PREFIX}:rl:${name}`;
    return new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix,
      points,
      duration: durationSeconds,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds }),
    });
  }

  /** Whether the shared store answers; false means the in-memory fallback counts (per instance). */
  get shared(): boolean {
    return this.redis.status === 'ready';
  }

  /** Logs (at most once a minute) that limits are counted in memory. */
  noteFallback(): void {
    if (this.shared || Date.now() - this.warnedAt < 60_000) return;
    this.warnedAt = Date.now();
    this.logger.warn('Redis unreachable: rate limits and login throttling are counted in memory per instance');
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

/** True for the rejection a limiter gives when a key is out of points (as opposed to a store error). */
export function isLimitReached(error: unknown): error is RateLimiterRes {
  return error instanceof RateLimiterRes;
}

/** Whole seconds until a limited key may try again (at least 1), for Retry-After. */
export function retryAfterSeconds(state: Pick<RateLimiterRes, 'msBeforeNext'>): number {
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}
