import type { AppConfig } from '@portal/server';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import type { TestApi } from './test-app';

const ROOT = resolve(__dirname, '../..');
export const API_MAIN = resolve(ROOT, 'dist/server/apps/api/src/main.js');
export const WORKER_MAIN = resolve(ROOT, 'dist/server/apps/worker/src/main.js');

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => done(port));
    });
  });
}

/** A portal process (API or worker) started from the built output, with what it printed kept for a failure message. */
export interface PortalProcess {
  name: string;
  child: ChildProcess;
  port: number;
  output: string[];
}

/** The settings the spawned process gets from a test configuration (database, Redis prefix, limits). */
function environment(config: AppConfig, overrides: Record<string, string>): NodeJS.ProcessEnv {
  const settings: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (/^[A-Z][A-Z0-9_]*$/.test(key) && (typeof value === 'string' || typeof value === 'number'))
      settings[key] = String(value);
  }
  return { PATH: process.env.PATH, ...settings, LOG_LEVEL: 'warn', ...overrides };
}

/**
 * Starts `node dist/.../main.js` of the API or the worker on a free port (the API's PORT, the worker's
 * WORKER_HEALTH_PORT) and waits until its health check answers 200.
 */
export async function startPortalProcess(
  kind: 'api' | 'worker',
  name: string,
  config: AppConfig,
  overrides: Record<string, string> = {},
): Promise<PortalProcess> {
  const main = kind === 'api' ? API_MAIN : WORKER_MAIN;
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first (npm test does)`);
  const port = await freePort();
  const env = environment(config, {
    ...(kind === 'api' ? { PORT: String(port) } : { WORKER_HEALTH_PORT: String(port) }),
    ...overrides,
  });
  const child = spawn(process.execPath, [main], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const started: PortalProcess = { name, child, port, output: [] };
  const keep = (chunk: Buffer) => {
    started.output.push(chunk.toString());
    if (started.output.length > 200) started.output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  try {
    await waitForHealth(started, kind === 'api' ? '/api/health' : '/health');
  } catch (error) {
    await stopPortalProcesses([started]);
    throw error;
  }
  return started;
}

export function baseUrl(process: PortalProcess): string {
  return `http://127.0.0.1:${process.port}`;
}

async function waitForHealth(started: PortalProcess, path: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (started.child.exitCode !== null)
      throw new Error(`${started.name} exited with ${started.child.exitCode}:\n${started.output.join('')}`);
    const status = await fetch(`${baseUrl(started)}${path}`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline)
      throw new Error(
        `${started.name} not healthy after ${timeoutMs} ms (last ${status}):\n${started.output.join('')}`,
      );
    await new Promise((done) => setTimeout(done, 150));
  }
}

/** Stops the processes (SIGTERM, then SIGKILL after a grace period); never throws, so an afterAll always completes. */
export async function stopPortalProcesses(processes: PortalProcess[]): Promise<void> {
  await Promise.all(
    processes.map(async ({ child }) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }),
  );
}

/**
 * A started API process in the shape the factories and `session()` use: they need an HTTP target (supertest accepts a
 * base URL as well as a server) and a data source for fixtures. Nothing else of TestApi is used through this.
 */
export function remoteApi(process: PortalProcess, config: AppConfig, dataSource: DataSource): TestApi {
  const url = baseUrl(process);
  return {
    app: { getHttpServer: () => url },
    config,
    dataSource,
    close: async () => undefined,
  } as unknown as TestApi;
}
