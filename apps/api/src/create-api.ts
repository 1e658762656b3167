import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@portal/server';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

/** Builds and configures an API instance (migrations applied or checked), not yet listening. */
export async function createApi(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  try {
    await configureApp(app, config);
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}
