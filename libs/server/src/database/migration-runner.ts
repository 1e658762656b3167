import type { DataSource } from 'typeorm';

/** Arbitrary but fixed key: every instance of the portal takes the same lock before touching the schema. */
const MIGRATION_LOCK_KEY = 7_215_300_001;

export class PendingMigrationsError extends Error {}

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so that two instances that start
 * together never run the same migration twice: the second waits, then finds nothing left to do.
 * Needs a pool of at least two connections: one holds the lock while another runs the migrations.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

/** For `MIGRATIONS=check`: refuse to start on a database that is behind the code. */
export async function assertNoPendingMigrations(dataSource: DataSource): Promise<void> {
  if (await dataSource.showMigrations()) {
    throw new PendingMigrationsError(
      'The database has pending migrations: run `npm run migrate` before starting the API.',
    );
  }
}
