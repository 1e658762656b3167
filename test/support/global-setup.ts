// globalSetup runs outside Jest's module mapper, so these imports are relative.
import 'reflect-metadata';
import { MIGRATIONS } from '../../migrations';
import { ensureDatabase } from '../../libs/server/src/database/database-admin';
import { dataSourceOptions } from '../../libs/server/src/database/data-source-options';
import { runMigrationsLocked } from '../../libs/server/src/database/migration-runner';
import { DataSource } from 'typeorm';
import { RUN_ID_VARIABLE, templateDatabaseName, testDatabaseUrl } from './test-env';

/** Migrates one template database per run; each test file clones it (CREATE DATABASE ... TEMPLATE), which takes milliseconds. */
export default async function globalSetup(): Promise<void> {
  const id = `${Date.now().toString(36)}_${process.pid}`;
  process.env[RUN_ID_VARIABLE] = id;
  const url = testDatabaseUrl(templateDatabaseName(id));
  await ensureDatabase(url);
  const dataSource = await new DataSource(
    dataSourceOptions({ DATABASE_URL: url }, MIGRATIONS, { poolSize: 2 }),
  ).initialize();
  try {
    await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
