import { PROBLEM_CONTENT_TYPE } from '@portal/contracts';
import { dataSourceOptions, ensureDatabase, runMigrationsLocked } from '@portal/server';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { API_MIGRATIONS } from '../../apps/api/src/migrations';
import { PrivatePostgres } from '../support/private-postgres';
import { runId, uniqueSuffix } from '../support/test-env';
import { DEMO, session, startApi, type Session, type TestApi } from '../support/test-app';

/**
 * Faults of the one stateful part. These tests run their own PostgreSQL server (never the shared one) and stop and
 * start it under a running API. Redis stopped mid-test and a worker killed with SIGKILL are covered in
 * health-and-worker, notifications and worker-crash.
 */
describe('PostgreSQL restarted under a running API', () => {
  const postgres = new PrivatePostgres();
  let api: TestApi;
  let admin: Session;

  async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: postgres.url('portal') });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await postgres.start();
    await ensureDatabase(postgres.url('portal'));
    // The project's migration runner (advisory lock), as `npm run migrate` and the API at boot use it.
    const migrator = await new DataSource(
      dataSourceOptions({ DATABASE_URL: postgres.url('portal') }, API_MIGRATIONS, { poolSize: 2 }),
    ).initialize();
    try {
      await runMigrationsLocked(migrator);
    } finally {
      await migrator.destroy();
    }
    api = await startApi({
      database: `portal_t_${runId()}_faults_${uniqueSuffix()}`,
      overrides: { DATABASE_URL: postgres.url('portal'), MIGRATIONS: 'check' },
    });
    admin = await session(api, DEMO.admin);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await postgres.destroy();
  });

  it.each([
    ['a restart (fast shutdown)', 'fast'],
    ['a crash (immediate shutdown, recovery on start)', 'immediate'],
  ] as const)(
    '%s: the request in flight fails with 503 problem+json and writes nothing; the retry succeeds',
    async (_, mode) => {
      const name = `Beheerder na ${mode} herstart`;
      const before = await query<{ display_name: string }>('SELECT display_name FROM users WHERE email = $1', [
        DEMO.admin,
      ]);
      // Hold the request inside its transaction: it has updated the user row and now waits to append the audit event.
      const blocker = new Client({ connectionString: postgres.url('portal') });
      blocker.on('error', () => undefined); // the restart ends this connection too
      await blocker.connect();
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE audit_events IN EXCLUSIVE MODE');

      const inFlight = admin.agent
        .patch('/api/v1/auth/me')
        .set('Accept-Language', 'en')
        .send({ displayName: name })
        .then((response) => response);
      // Wait until the API's statement is really blocked on the lock, then restart the server under it.
      for (let waited = 0; ; waited += 50) {
        const [{ waiting }] = await query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE application_name = 'grant-portal-api' AND wait_event_type = 'Lock'`,
        );
        if (waiting > 0) break;
        if (waited > 10_000) throw new Error('the request never reached the lock');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await postgres.stop(mode);
      const failed = await inFlight;
      await postgres.start();

      expect(failed.status).toBe(503);
      expect(failed.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(failed.body).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(failed.body.detail).toMatch(/nothing was saved/i);
      expect(JSON.stringify(failed.body)).not.toMatch(/terminating|administrator|SELECT|UPDATE|INSERT|at /);

      // No partial write: the row the transaction had already updated is as it was, and no audit event exists.
      expect(await query('SELECT display_name FROM users WHERE email = $1', [DEMO.admin])).toEqual(before);
      expect(
        await query(`SELECT 1 FROM audit_events WHERE action = 'user.profile_changed' AND after->>'displayName' = $1`, [
          name,
        ]),
      ).toEqual([]);

      // The same request again, on the same session (sessions live in the database and survived the restart).
      const retried = await admin.agent.patch('/api/v1/auth/me').send({ displayName: name }).expect(200);
      expect(retried.body.user.displayName).toBe(name);
      expect(
        await query(`SELECT 1 FROM audit_events WHERE action = 'user.profile_changed' AND after->>'displayName' = $1`, [
          name,
        ]),
      ).toHaveLength(1);
    },
  );

  it('while PostgreSQL is down every request answers 503 (never 500) and health names the database; then it recovers', async () => {
    await postgres.stop('fast');
    try {
      const list = await admin.agent.get('/api/v1/calls').set('Accept-Language', 'nl');
      expect(list.status).toBe(503);
      expect(list.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(list.body).toMatchObject({ code: 'DATABASE_UNAVAILABLE', title: 'Databank tijdelijk niet bereikbaar' });

      const write = await admin.agent.patch('/api/v1/auth/me').send({ locale: 'en' });
      expect(write.status).toBe(503);
      expect(write.body.code).toBe('DATABASE_UNAVAILABLE');

      const health = await api.http.get('/api/health').expect(503);
      expect(health.body.checks.database.status).toBe('down');
      expect(health.body.checks.redis.status).toBe('up');
    } finally {
      await postgres.start();
    }
    await api.http.get('/api/health').expect(200);
    await admin.agent.get('/api/v1/calls').expect(200);
    const me = await admin.agent.get('/api/v1/auth/me').expect(200);
    expect(me.body.user.locale).toBe('nl');
  });
});
