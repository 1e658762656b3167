// Also loaded by globalSetup, outside Jest's module mapper: import server files by relative path.
import { AppConfig, loadConfig } from '../../libs/server/src/config/app-config';
import { withDatabase } from '../../libs/server/src/database/database-admin';
import { randomBytes } from 'node:crypto';

/**
 * Test runs get their own databases and Redis prefix, named after a run id, so two runs (or two test files)
 * never see each other's data. The base server comes from DATABASE_URL / REDIS_URL when set.
 */
const env = process.env;

export const BASE_DATABASE_URL = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const BASE_REDIS_URL = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const RUN_ID_VARIABLE = 'PORTAL_TEST_RUN_ID';

export function runId(): string {
  const id = env[RUN_ID_VARIABLE];
  if (!id) throw new Error(`${RUN_ID_VARIABLE} is not set: run the e2e tests through jest's globalSetup`);
  return id;
}

export function templateDatabaseName(id = runId()): string {
  return `portal_t_${id}_tpl`;
}

export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export function testDatabaseUrl(name: string): string {
  return withDatabase(BASE_DATABASE_URL, name);
}

/** A configuration for one test file: its own database and Redis prefix. */
export function testConfig(databaseName: string, overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(databaseName),
    REDIS_URL: BASE_REDIS_URL,
    REDIS_PREFIX: databaseName,
    LOG_LEVEL: 'silent',
    WEB_DIST: '',
    SMTP_URL: 'smtp://127.0.0.1:2525',
    // Suites such as the fuzz and the authorization matrix submit and upload many times as one user from one
    // address; the abuse-limit tests set small limits through overrides.
    SUBMIT_LIMIT_PER_USER: '100000',
    SUBMIT_LIMIT_PER_IP: '100000',
    UPLOAD_LIMIT_PER_USER: '100000',
    UPLOAD_LIMIT_PER_IP: '100000',
    ACCOUNT_LIMIT_PER_IP: '100000',
    INVITE_LIMIT_PER_USER: '100000',
    INVITE_LIMIT_PER_APPLICANT: '100000',
    ...overrides,
  });
}
