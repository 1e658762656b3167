import 'reflect-metadata';
import type { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { UserEntity } from '@portal/server';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import type { AuthContext } from '../../apps/api/src/common/request-context';
import { seedDemoData } from '../../apps/api/src/seed/demo-seeder';
import { toUserView } from '../../apps/api/src/users/user-view';
import { createTestDatabase } from './test-app';
import { testConfig } from './test-env';

/**
 * The medium test tier (as immich-app/immich's server/test/medium): the API's services wired by Nest on a database
 * cloned from the migrated template, called directly, without HTTP. Faster than e2e, and nothing is mocked.
 */
export interface Services {
  app: INestApplicationContext;
  dataSource: DataSource;
  get<T>(type: Type<T>): T;
  /** The authentication context of an existing user, as the access guard would build it. */
  as(email: string): Promise<AuthContext>;
  close(): Promise<void>;
}

export async function startServices(): Promise<Services> {
  const config = testConfig(await createTestDatabase());
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
  const dataSource = app.get(DataSource);
  await seedDemoData(dataSource);
  return {
    app,
    dataSource,
    get: (type) => app.get(type),
    as: async (email) => ({
      user: toUserView(await dataSource.getRepository(UserEntity).findOneByOrFail({ email })),
      sessionId: 'medium-test',
      requestId: null,
    }),
    close: () => app.close(),
  };
}

/** The stable error code an AppException carries (`code`), for `rejects.toMatchObject`. */
export function refusedWith(code: string): { code: string } {
  return { code };
}
