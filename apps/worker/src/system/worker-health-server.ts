import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, DatabaseClock, RedisClient } from '@portal/server';
import { createServer, type Server, type ServerResponse } from 'node:http';

type CheckStatus = 'up' | 'down';

async function check(probe: () => Promise<unknown>): Promise<CheckStatus> {
  try {
    await probe();
    return 'up';
  } catch {
    return 'down';
  }
}

/**
 * The worker has no HTTP API; this tiny server lets a container runtime (Docker HEALTHCHECK, compose, a Kubernetes
 * probe) ask one worker process whether it is alive and reaches PostgreSQL and Redis: GET /health answers 200 or 503.
 * Only when WORKER_HEALTH_PORT is set (the image sets 3001); the heartbeat in Redis says that SOME worker is alive,
 * this says that THIS one is.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: DatabaseClock,
    private readonly redis: RedisClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.WORKER_HEALTH_PORT) return;
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || (request.url !== '/health' && request.url !== '/api/health')) {
        response.writeHead(404).end();
        return;
      }
      void this.answer(response);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.WORKER_HEALTH_PORT, '0.0.0.0', () => resolve());
    });
    this.server = server;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async answer(response: ServerResponse): Promise<void> {
    const [database, redis] = await Promise.all([check(() => this.clock.now()), check(() => this.redis.ping())]);
    const ok = database === 'up' && redis === 'up';
    response.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify({ status: ok ? 'ok' : 'error', checks: { database, redis } }));
  }
}
