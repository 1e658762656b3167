import type { Pool, PoolClient } from 'pg';
import { EntityManager, QueryFailedError, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata.js';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * A statement that PostgreSQL parses and plans once per connection instead of on every request (ADR 0026): a named
 * prepared statement of node-postgres. Only for the few fixed statements that run on every request or on deadline day
 * (the session lookup, the submit); everything else goes through TypeORM as before. The name must be unique and always
 * stand for the same text: node-postgres refuses a known name with another text.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

const NAMES = new Map<string, string>();

/** Declares a prepared statement; a second declaration of the same name with another text is a programming error. */
export function preparedStatement(name: string, text: string): PreparedStatement {
  const known = NAMES.get(name);
  if (known !== undefined && known !== text) throw new Error(`Prepared statement ${name} declared twice`);
  NAMES.set(name, text);
  return { name, text };
}

/**
 * Runs a prepared statement on the manager's connection: inside its transaction when the manager has one, else on a
 * connection of the pool for this statement alone (as `manager.query` does). Errors come back as TypeORM's
 * QueryFailedError, as from `manager.query`, so the error filter maps them the same way.
 */
export async function runPrepared<T extends ObjectLiteral>(
  manager: EntityManager,
  statement: PreparedStatement,
  values: unknown[],
): Promise<T[]> {
  const config = { name: statement.name, text: statement.text, values };
  try {
    const runner = manager.queryRunner;
    if (runner && !runner.isReleased) {
      const client = (await runner.connect()) as PoolClient;
      return (await client.query<T>(config)).rows;
    }
    const pool = (manager.connection.driver as PostgresDriver).master as Pool;
    return (await pool.query<T>(config)).rows;
  } catch (error) {
    throw new QueryFailedError(statement.text, values, error as Error);
  }
}

/**
 * The select list of an entity's columns for a fixed statement: `alias."column" AS "alias.column"` for each column the
 * entity maps, so that hydrate() can build the entity from a raw row without TypeORM's query builder.
 */
export function entityColumns(manager: EntityManager, target: EntityTarget<ObjectLiteral>, alias: string): string {
  return manager.connection
    .getMetadata(target)
    .columns.filter((column) => !column.isVirtual)
    .map((column) => `${alias}."${column.databaseName}" AS "${alias}.${column.databaseName}"`)
    .join(', ');
}

/**
 * The entity of a raw row read with entityColumns(): each column's value converted as TypeORM converts it when it
 * hydrates (dates, JSON, the column's transformer such as bigint cents to numbers).
 */
export function hydrate<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
  alias: string,
): T {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const entity = metadata.create() as Record<string, unknown>;
  for (const { column, key } of hydrationPlan(metadata, alias)) {
    entity[column.propertyName] = driver.prepareHydratedValue(row[key], column);
  }
  return entity as T;
}

/** Per entity and alias, once: the mapped columns with the key each has in a raw row read with entityColumns(). */
const PLANS = new WeakMap<EntityMetadata, Map<string, Array<{ column: ColumnMetadata; key: string }>>>();

function hydrationPlan(metadata: EntityMetadata, alias: string): Array<{ column: ColumnMetadata; key: string }> {
  let byAlias = PLANS.get(metadata);
  if (!byAlias) PLANS.set(metadata, (byAlias = new Map<string, Array<{ column: ColumnMetadata; key: string }>>()));
  let plan = byAlias.get(alias);
  if (!plan) {
    plan = metadata.columns
      .filter((column) => !column.isVirtual)
      .map((column) => ({ column, key: `${alias}.${column.databaseName}` }));
    byAlias.set(alias, plan);
  }
  return plan;
}
