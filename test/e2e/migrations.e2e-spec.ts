import { MIGRATIONS } from '@portal/migrations';
import {
  dataSourceOptions,
  ensureDatabase,
  PendingMigrationsError,
  MIGRATIONS_TABLE,
  runMigrationsLocked,
} from '@portal/server';
import { DataSource } from 'typeorm';
import { createApi } from '../../apps/api/src/create-api';
import { seedDemoData } from '../../apps/api/src/seed/demo-seeder';
import { runId, testConfig, testDatabaseUrl, uniqueSuffix } from '../support/test-env';
import { createTestDatabase } from '../support/test-app';

async function emptyDatabase(): Promise<string> {
  const name = `portal_t_${runId()}_${uniqueSuffix()}`;
  await ensureDatabase(testDatabaseUrl(name));
  return name;
}

function open(database: string, migrations = MIGRATIONS): Promise<DataSource> {
  return new DataSource(
    dataSourceOptions({ DATABASE_URL: testDatabaseUrl(database) }, migrations, { poolSize: 3 }),
  ).initialize();
}

describe('schema through migrations only', () => {
  it('entities and migrations agree (a missing migration fails this test)', async () => {
    const dataSource = await open(await createTestDatabase());
    try {
      const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
      expect(upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('two instances migrating at the same moment apply each migration exactly once', async () => {
    const database = await emptyDatabase();
    const [first, second] = await Promise.all([open(database), open(database)]);
    try {
      const [a, b] = await Promise.all([runMigrationsLocked(first), runMigrationsLocked(second)]);
      expect([...a, ...b].sort()).toEqual(MIGRATIONS.map((migration) => new migration().name).sort());
      const rows = await first.query(`SELECT name FROM ${MIGRATIONS_TABLE}`);
      expect(rows).toHaveLength(MIGRATIONS.length);
    } finally {
      await first.destroy();
      await second.destroy();
    }
  });

  it('with MIGRATIONS=check the API refuses to start on a database with pending migrations', async () => {
    const config = testConfig(await emptyDatabase(), { MIGRATIONS: 'check' });
    await expect(createApi(config)).rejects.toBeInstanceOf(PendingMigrationsError);
  });

  it('the audit log is append-only in the database itself', async () => {
    const dataSource = await open(await createTestDatabase());
    try {
      await dataSource.query(
        `INSERT INTO audit_events (action, entity_type, entity_id) VALUES ('test.created', 'test', '1')`,
      );
      await expect(dataSource.query(`UPDATE audit_events SET action = 'test.changed'`)).rejects.toThrow(/append-only/);
      await expect(dataSource.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
      await expect(dataSource.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
      const rows = await dataSource.query('SELECT action FROM audit_events');
      expect(rows).toEqual([{ action: 'test.created' }]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('seeding the demo accounts twice leaves one account per role', async () => {
    const dataSource = await open(await createTestDatabase());
    try {
      const first = await seedDemoData(dataSource);
      const second = await seedDemoData(dataSource);
      expect(first.created).toEqual(
        expect.arrayContaining([
          'admin@demo.subsidieportaal.be',
          'call GV-CONNECT-2020',
          'call GV-CONNECT-DEMO',
          'applicant vzw De Brug',
          'call PLAN-SAMENLEVEN-2022',
          'call PLAN-SAMENLEVEN-DEMO',
          'applicant Gemeente Demodorp',
        ]),
      );
      expect(first.created).toHaveLength(10);
      expect(second.created).toEqual([]);
      const rows = await dataSource.query('SELECT unnest(roles) AS role FROM users ORDER BY 1');
      expect(rows.map((row: { role: string }) => row.role)).toEqual(['admin', 'applicant', 'minister', 'reviewer']);
    } finally {
      await dataSource.destroy();
    }
  });
});
