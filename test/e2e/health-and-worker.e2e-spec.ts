import type { INestApplicationContext } from '@nestjs/common';
import { JOBS, PingJobData, PingJobResult, QUEUES } from '@portal/contracts';
import { AppConfig, redisOptions } from '@portal/server';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { freePort } from '../support/portal-processes';
import { DEMO, session, startApi, startWorker, TestApi } from '../support/test-app';

describe('health and the worker on real PostgreSQL and Redis', () => {
  let api: TestApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker(api.config);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('reports database and Redis up, and the worker seen', async () => {
    const response = await api.http.get('/api/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.checks.database.status).toBe('up');
    expect(response.body.checks.redis.status).toBe('up');
    expect(response.body.checks.worker.status).toBe('up');
  });

  it('a job enqueued on Redis is processed by the worker process', async () => {
    const connection = { url: api.config.REDIS_URL };
    const queue = new Queue<PingJobData, PingJobResult>(QUEUES.system, { connection, prefix: api.config.REDIS_PREFIX });
    const events = new QueueEvents(QUEUES.system, { connection, prefix: api.config.REDIS_PREFIX });
    try {
      await events.waitUntilReady();
      const job = await queue.add(JOBS.ping, { requestedAt: new Date().toISOString() });
      const result = await job.waitUntilFinished(events, 10_000);
      expect(result.pong).toBe(true);
      expect(result.worker).toContain(String(process.pid));
      expect((await queue.getJob(job.id!))?.finishedOn).toBeGreaterThan(0);
      // The job really lives in this run's namespace on the Redis server.
      const redis = new Redis(redisOptions(api.config.REDIS_URL));
      const keys = await redis.keys(`${api.config.REDIS_PREFIX}:${QUEUES.system}:*`);
      redis.disconnect();
      expect(keys.length).toBeGreaterThan(0);
    } finally {
      await events.close();
      await queue.close();
    }
  });

  it('an admin can ask the API to prove a worker is alive', async () => {
    const admin = await session(api, DEMO.admin);
    const response = await admin.agent.post('/api/v1/system/worker-ping').expect(200);
    expect(response.body).toMatchObject({ pong: true });
  });
});

describe('health when Redis is unreachable', () => {
  it('answers 503 and names Redis as down', async () => {
    const api = await startApi({ seed: false, overrides: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const response = await api.http.get('/api/health').expect(503);
      expect(response.body.checks.redis.status).toBe('down');
      expect(response.body.checks.database.status).toBe('up');
    } finally {
      await api.close();
    }
  });
});

describe('health right after the start', () => {
  it('answers 200 to requests that arrive together while its Redis client still connects', async () => {
    const api = await startApi({ seed: false });
    try {
      // The first asks the client to connect; the others arrive while it connects and must wait for it, not fail.
      const statuses = await Promise.all(
        Array.from({ length: 5 }, async () => (await api.http.get('/api/health')).status),
      );
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
    } finally {
      await api.close();
    }
  });
});

describe("the worker's own health port (WORKER_HEALTH_PORT)", () => {
  it('answers 200 while this worker reaches PostgreSQL and Redis, and closes with the worker', async () => {
    const api = await startApi({ seed: false });
    const port = await freePort();
    const worker = await startWorker(Object.assign(new AppConfig(), api.config, { WORKER_HEALTH_PORT: port }));
    let closed = false;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
      await worker.close();
      closed = true;
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    } finally {
      if (!closed) await worker.close();
      await api.close();
    }
  });
});

describe('the queue dashboard (bull-board)', () => {
  it('is for admins only and shows the mail and system queues', async () => {
    const api = await startApi();
    try {
      const anonymous = await api.http.get('/api/admin/queues').expect(401);
      expect(anonymous.body.code).toBe('AUTH_REQUIRED');
      const applicant = await session(api, DEMO.applicant);
      expect((await applicant.agent.get('/api/admin/queues/api/queues').expect(403)).body.code).toBe('FORBIDDEN');
      const admin = await session(api, DEMO.admin);
      await admin.agent.get('/api/admin/queues').expect(200).expect('content-type', /html/);
      const queues = await admin.agent.get('/api/admin/queues/api/queues').expect(200);
      expect(queues.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual(['mail', 'system']);
      expect(queues.body.queues.every((queue: { readOnlyMode: boolean }) => queue.readOnlyMode)).toBe(true);
    } finally {
      await api.close();
    }
  });
});
