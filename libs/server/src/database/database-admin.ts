import { Client } from 'pg';

/** Splits a database URL into the URL of the server's maintenance database and the database name. */
export function splitDatabaseUrl(url: string): { adminUrl: string; database: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) {
    throw new Error(`Database name "${database}" must be lower-case letters, digits and underscores`);
  }
  parsed.pathname = '/postgres';
  return { adminUrl: parsed.toString(), database };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withAdmin<T>(url: string, work: (client: Client, database: string) => Promise<T>): Promise<T> {
  const { adminUrl, database } = splitDatabaseUrl(url);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client, database);
  } finally {
    await client.end();
  }
}

/** Creates the database of `url` when it does not exist yet; returns whether it created it. */
export function ensureDatabase(url: string, template?: string): Promise<boolean> {
  return withAdmin(url, async (client, database) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE "${database}"${template ? ` TEMPLATE "${template}"` : ''}`);
    } catch (error) {
      if ((error as { code?: string }).code !== '42P04') throw error; // created concurrently: fine
      return false;
    }
    return true;
  });
}

export function dropDatabase(url: string): Promise<void> {
  return withAdmin(url, async (client, database) => {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });
}
