import { VersioningType } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import cookieParser from 'cookie-parser';
import express from 'express';
import compression from 'compression';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig, assertNoPendingMigrations, runMigrationsLocked } from '@portal/server';
import type { DataSource } from 'typeorm';
import { verifyJsonShape } from './common/json-limits';
import { createValidationPipe } from './common/validation';
import { mountQueueDashboard } from './system/queue-dashboard';

/**
 * Everything an API instance needs besides its modules; shared by main.ts and the e2e tests so that
 * the tests exercise exactly what runs in production.
 */
export async function configureApp(app: NestExpressApplication, config: AppConfig): Promise<void> {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          // Over plain http (a local run) upgrading would break every request.
          'upgrade-insecure-requests': config.secureCookies ? [] : null,
        },
      },
      strictTransportSecurity: config.secureCookies,
      crossOriginEmbedderPolicy: false,
    }),
  );
  // Answers of the API carry personal data: never kept by a browser or proxy cache (ASVS 8.2.1).
  app.use('/api', (_request: express.Request, response: express.Response, next: express.NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(cookieParser());
  // JSON nesting and list sizes are bounded on the raw body, before parsing and validation (JSON_LIMITS). Mounted
  // directly: Nest's useBodyParser reserves `verify`; the parser's name (jsonParser) keeps Nest from adding its own.
  app.use(express.json({ limit: '1mb', verify: verifyJsonShape }));
  app.useBodyParser('urlencoded', { limit: '100kb', extended: false });
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI });
  app.useGlobalPipes(createValidationPipe());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Subsidieportaal API')
      .setDescription('Calls for proposals, dossiers, assessment and decisions. Errors are application/problem+json.')
      .setVersion('1')
      .addCookieAuth('portal_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  mountQueueDashboard(app);
  serveWebApp(app, config);

  const dataSource = app.get<DataSource>(getDataSourceToken());
  if (config.MIGRATIONS === 'apply') await runMigrationsLocked(dataSource);
  else await assertNoPendingMigrations(dataSource);
}

/** In production the API serves the built React app, so one port serves everything. */
function serveWebApp(app: NestExpressApplication, config: AppConfig): void {
  if (!config.WEB_DIST) return;
  const root = resolve(config.WEB_DIST);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return;
  // The web app's files go out gzipped (572 kB of JavaScript for the dossier form becomes ~180 kB on the wire); API
  // answers are small and stay uncompressed, so the submit path spends no CPU on it.
  app.use(
    compression({
      filter: (request, response) => !request.path.startsWith('/api') && compression.filter(request, response),
    }),
  );
  app.use(
    express.static(root, {
      index: false,
      maxAge: '1h',
      // Vite names built files by content hash: they never change, so browsers may keep them.
      setHeaders: (response, path) => {
        if (/[\\/]assets[\\/]/.test(path)) response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api') || !request.accepts('html')) return next();
    response.sendFile(index);
  });
}
