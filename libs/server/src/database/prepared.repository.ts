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
 * The entity of a row read as JSON (`row_to_json(alias)` in a fixed statement: one field instead of one per column,
 * which node-postgres would describe and parse on every execution), each column's value converted as TypeORM converts
 * it when it hydrates: timestamps to dates, the column's transformer (bigint cents to numbers). JSON carries the
 * other types as node-postgres returns them (numbers, booleans, arrays, jsonb as objects, `date` as `YYYY-MM-DD`).
 */
export function hydrateJson<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  json: Record<string, unknown>,
): T {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const entity = metadata.create() as Record<string, unknown>;
  for (const column of mappedColumns(metadata)) {
    entity[column.propertyName] = driver.prepareHydratedValue(json[column.databaseName], column);
  }
  return entity as T;
}

const MAPPED = new WeakMap<EntityMetadata, ColumnMetadata[]>();

/** The columns an entity maps to its own properties (not the join columns of relations without one), once. */
function mappedColumns(metadata: EntityMetadata): ColumnMetadata[] {
  let columns = MAPPED.get(metadata);
  if (!columns) MAPPED.set(metadata, (columns = metadata.columns.filter((column) => !column.isVirtual)));
  return columns;
}
