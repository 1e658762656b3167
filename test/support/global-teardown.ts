// globalTeardown runs outside Jest's module mapper, so these imports are relative.
import { Client } from 'pg';
import { Redis } from 'ioredis';
import { redisOptions } from '../../libs/server/src/queue/redis-connection';
import { BASE_DATABASE_URL, BASE_REDIS_URL, RUN_ID_VARIABLE } from './test-env';

/** Drops every database and Redis key this run created. */
export default async function globalTeardown(): Promise<void> {
  const id = process.env[RUN_ID_VARIABLE];
  if (!id) return;
  const prefix = `portal_t_${id}_`;
  const admin = new URL(BASE_DATABASE_URL);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${prefix}%`,
    ]);
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  const redis = new Redis({ ...redisOptions(BASE_REDIS_URL), lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    // Redis may be down on purpose in a fault test; its keys expire with the run.
  } finally {
    redis.disconnect();
  }
}
