import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApi } from './test-app';
import { createTestDatabase } from './test-app';
import { testConfig } from './test-env';
import { createApi } from '../../apps/api/src/create-api';
import { seedDemoData } from '../../apps/api/src/seed/demo-seeder';
import request from 'supertest';
import { DataSource } from 'typeorm';

export const OIDC_CLIENT = { id: 'subsidieportaal-test', secret: 'een-geheim-alleen-voor-de-tests' };

export interface OidcIdentity {
  sub: string;
  name: string;
  email: string;
  represents?: string[];
  roles?: string[];
}

export interface LocalOidcProvider {
  issuer: string;
  /** What the provider says from the next sign-in on (it reads its identities file at every request). */
  setIdentities(identities: OidcIdentity[]): void;
  close(): Promise<void>;
}

/** A free TCP port on the loopback interface (the provider and the API must know each other's address up front). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the real local OpenID provider (docker/local/oidc-provider.mjs) as its own process, as `npm start` does. */
export async function startOidcProvider(options: {
  redirectUri: string;
  identities: OidcIdentity[];
}): Promise<LocalOidcProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const file = join(mkdtempSync(join(tmpdir(), 'portal-oidc-')), 'identities.json');
  const setIdentities = (identities: OidcIdentity[]) => writeFileSync(file, JSON.stringify(identities));
  setIdentities(options.identities);
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, '../../docker/local/oidc-provider.mjs')], {
    env: {
      ...process.env,
      OIDC_PROVIDER_PORT: String(port),
      OIDC_PROVIDER_ISSUER: issuer,
      OIDC_CLIENT_ID: OIDC_CLIENT.id,
      OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
      OIDC_PROVIDER_REDIRECT_URIS: options.redirectUri,
      OIDC_PROVIDER_IDENTITIES_FILE: file,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`oidc-provider did not start: ${output}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`oidc-provider exited with ${code}: ${output}`));
    });
  });
  return {
    issuer,
    setIdentities,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The real API on a port chosen up front, configured for the local provider (the redirect URI registered at the
 * provider must be the API's own address), and the provider itself.
 */
export async function startApiWithOidc(options: {
  identities: OidcIdentity[];
  overrides?: Record<string, string>;
  seed?: boolean;
}): Promise<{ api: TestApi; provider: LocalOidcProvider; baseUrl: string }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const redirectUri = `${baseUrl}/api/v1/auth/oidc/callback`;
  const provider = await startOidcProvider({ redirectUri, identities: options.identities });
  const config = testConfig(await createTestDatabase(), {
    APP_URL: baseUrl,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: OIDC_CLIENT.id,
    OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    OIDC_SCOPES: 'openid profile email portal',
    OIDC_ROLE_MAP: 'portal-admin:admin,portal-reviewer:reviewer,kabinet:minister',
    ...options.overrides,
  });
  const app = await createApi(config);
  await app.listen(port, '127.0.0.1');
  const dataSource = app.get(DataSource);
  if (options.seed ?? true) await seedDemoData(dataSource);
  const api: TestApi = { app, config, dataSource, http: request(app.getHttpServer()), close: () => app.close() };
  return { api, provider, baseUrl };
}
