import type { DataSource } from 'typeorm';
import { UserEntity } from '@portal/server';
import { PasswordHasher } from '../users/password-hasher';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

/**
 * Idempotent: running it twice leaves the same rows. An existing account keeps its password
 * (someone may have changed it); only missing accounts are created.
 */
export async function seedDemoData(dataSource: DataSource): Promise<{ created: string[] }> {
  const hasher = new PasswordHasher();
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const passwordHash = await hasher.hash(DEMO_PASSWORD);
    const result = await dataSource
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values({ ...account, passwordHash })
      .orIgnore()
      .returning(['id'])
      .execute();
    if ((result.raw as unknown[]).length > 0) created.push(account.email);
  }
  return { created };
}
