import { Controller, Get, Module } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { routeTable } from '../../apps/api/src/common/route-table';
import { configureApp } from '../../apps/api/src/configure-app';
import { testConfig } from '../support/test-env';
import { createTestDatabase, DEMO, session, startApi } from '../support/test-app';

/** A route that forgot to say who may call it. */
@Controller({ path: 'forgotten', version: '1' })
class ForgottenController {
  @Get()
  secrets() {
    return { secret: 'should never be served' };
  }
}

@Module({ controllers: [ForgottenController] })
class ForgottenModule {}

describe('every route declares who may call it', () => {
  it('the route table of the real application has an access rule on every route', async () => {
    const api = await startApi({ seed: false });
    try {
      const scanner = api.app.get(MetadataScanner);
      const reflector = api.app.get(Reflector);
      const routes = routeTable(api.app.get(DiscoveryService), scanner, reflector);
      expect(routes.length).toBeGreaterThanOrEqual(6);
      const undeclared = routes.filter((route) => !route.access).map((route) => `${route.method} ${route.path}`);
      expect(undeclared).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('denies a route without a rule to everyone, an admin included', async () => {
    const database = await createTestDatabase();
    const config = testConfig(database);
    const app = await NestFactory.create<NestExpressApplication>(
      { module: class TestRoot {}, imports: [AppModule.forRoot(config), ForgottenModule] },
      { logger: false },
    );
    await configureApp(app, config);
    await app.init();
    try {
      const anonymous = await request(app.getHttpServer()).get('/api/v1/forgotten').expect(403);
      expect(anonymous.body.code).toBe('ROUTE_NOT_DECLARED');
      expect(JSON.stringify(anonymous.body)).not.toContain('should never be served');
    } finally {
      await app.close();
    }
  });

  it('lets the declared roles through', async () => {
    const api = await startApi();
    try {
      const admin = await session(api, DEMO.admin);
      await admin.agent.get('/api/v1/auth/me').expect(200);
    } finally {
      await api.close();
    }
  });
});
