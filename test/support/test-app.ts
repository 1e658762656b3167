import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CSRF_HEADER } from '@portal/contracts';
import { AppConfig, dataSourceOptions, ensureDatabase } from '@portal/server';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApi } from '../../apps/api/src/create-api';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-accounts';
import { seedDemoData } from '../../apps/api/src/seed/demo-seeder';
import { createWorker } from '../../apps/worker/src/create-worker';
import { templateDatabaseName, testConfig, testDatabaseUrl, runId, uniqueSuffix } from './test-env';

export { DEMO_PASSWORD };

/** A fresh database cloned from the run's migrated template. */
export async function createTestDatabase(): Promise<string> {
  const name = `portal_t_${runId()}_${uniqueSuffix()}`;
  await ensureDatabase(testDatabaseUrl(name), templateDatabaseName());
  return name;
}

export interface TestApi {
  app: NestExpressApplication;
  config: AppConfig;
  dataSource: DataSource;
  http: ReturnType<typeof request>;
  close(): Promise<void>;
}

/** Boots the real API (same configuration as production) on its own database, listening on a free port. */
export async function startApi(
  options: { seed?: boolean; overrides?: Record<string, string>; database?: string } = {},
): Promise<TestApi> {
  const database = options.database ?? (await createTestDatabase());
  const config = testConfig(database, options.overrides);
  const app = await createApi(config);
  await app.listen(0, '127.0.0.1');
  const dataSource = app.get(DataSource);
  if (options.seed ?? true) await seedDemoData(dataSource);
  return {
    app,
    config,
    dataSource,
    http: request(app.getHttpServer()),
    close: () => app.close(),
  };
}

export async function startWorker(config: AppConfig): Promise<INestApplicationContext> {
  return createWorker(config);
}

/** A standalone data source on a test database, for assertions the API does not expose. */
export async function openDataSource(config: AppConfig): Promise<DataSource> {
  return new DataSource(dataSourceOptions(config, [], { poolSize: 2 })).initialize();
}

export interface Session {
  agent: TestAgent;
  csrf: string;
}

/**
 * The typed test client: an agent that keeps cookies and sends its CSRF token with every request (the token bound to
 * its session), logged in when an e-mail is given. Tests write `admin.agent.post(url).send(body)`; a test about CSRF
 * itself sets another token explicitly, which overrides the default.
 */
export async function session(api: TestApi, email?: string, password = DEMO_PASSWORD): Promise<Session> {
  const agent = request.agent(api.app.getHttpServer());
  const csrfResponse = await agent.get('/api/v1/auth/csrf').expect(200);
  let csrf = csrfResponse.body.csrfToken as string;
  if (email) {
    const login = await agent.post('/api/v1/auth/login').set(CSRF_HEADER, csrf).send({ email, password }).expect(200);
    csrf = login.body.csrfToken as string;
  }
  agent.set(CSRF_HEADER, csrf);
  return { agent, csrf };
}

export const DEMO = {
  applicant: 'aanvrager@demo.subsidieportaal.be',
  admin: 'admin@demo.subsidieportaal.be',
  reviewer: 'beoordelaar@demo.subsidieportaal.be',
  minister: 'minister@demo.subsidieportaal.be',
} as const;
