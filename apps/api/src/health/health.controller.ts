import { Controller, Get, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { WORKER_HEARTBEAT_KEY } from '@portal/contracts';
import { DatabaseClock, RedisClient } from '@portal/server';
import { Public } from '../common/access.decorators';

type CheckStatus = 'up' | 'down';

export interface HealthReport {
  status: 'ok' | 'error';
  checks: {
    database: { status: CheckStatus; responseTimeMs: number; error?: string };
    redis: { status: CheckStatus; responseTimeMs: number; error?: string };
    /** Informational: the last heartbeat of any worker; a missing worker does not make the API unhealthy. */
    worker: { status: 'up' | 'unknown'; lastSeenAt: string | null };
  };
}

async function timed(
  check: () => Promise<unknown>,
): Promise<{ status: CheckStatus; responseTimeMs: number; error?: string }> {
  const started = performance.now();
  try {
    await check();
    return { status: 'up', responseTimeMs: Math.round(performance.now() - started) };
  } catch (error) {
    const message = error instanceof Error ? error.message : 'unavailable';
    return { status: 'down', responseTimeMs: Math.round(performance.now() - started), error: message.slice(0, 120) };
  }
}

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly clock: DatabaseClock,
    private readonly redis: RedisClient,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Database and Redis reachability (200 when both are up, 503 otherwise)' })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const [database, redis] = await Promise.all([
      // Any answer from the database will do: its clock is the cheapest question.
      timed(() => this.clock.now()),
      timed(() => this.redis.ping()),
    ]);
    let lastSeenAt: string | null = null;
    if (redis.status === 'up') {
      lastSeenAt = await this.redis.redis.get(this.redis.key(WORKER_HEARTBEAT_KEY)).catch(() => null);
    }
    const ok = database.status === 'up' && redis.status === 'up';
    response.status(ok ? 200 : 503);
    return {
      status: ok ? 'ok' : 'error',
      checks: { database, redis, worker: { status: lastSeenAt ? 'up' : 'unknown', lastSeenAt } },
    };
  }
}
