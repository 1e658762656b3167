import 'reflect-metadata';
import { dataSourceOptions, ensureDatabase, loadConfigOrExit, runMigrationsLocked } from '@portal/server';
import { DataSource } from 'typeorm';
import { API_MIGRATIONS } from '../migrations';

/** `npm run migrate`: creates the database when missing and applies pending migrations under the advisory lock. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (await ensureDatabase(config.DATABASE_URL)) process.stdout.write('Created the database\n');
  const dataSource = await new DataSource(dataSourceOptions(config, API_MIGRATIONS, { poolSize: 2 })).initialize();
  try {
    const applied = await runMigrationsLocked(dataSource);
    process.stdout.write(
      applied.length ? `Applied migrations: ${applied.join(', ')}\n` : 'Database schema is up to date\n',
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
