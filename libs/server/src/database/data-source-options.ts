import type { DataSourceOptions, MixedList } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from '../entities';

export const MIGRATIONS_TABLE = 'typeorm_migrations';

/** One place that turns the configuration into TypeORM options. `synchronize` is never on: the schema comes from migrations/. */
export function dataSourceOptions(
  config: Pick<AppConfig, 'DATABASE_URL'>,
  migrations: MixedList<Function> = [],
  overrides: { poolSize?: number; applicationName?: string } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    url: config.DATABASE_URL,
    entities: ENTITIES,
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolSize: overrides.poolSize ?? 10,
    applicationName: overrides.applicationName ?? 'grant-portal',
    extra: { connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000 },
  };
}
