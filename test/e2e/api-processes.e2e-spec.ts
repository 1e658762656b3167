import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import request from 'supertest';
import type { AppConfig } from '@portal/server';
import { createUser } from '../support/factories';
import {
  API_MAIN,
  baseUrl,
  freePort,
  processEnvironment,
  startPortalProcess,
  stopPortalProcesses,
  type PortalProcess,
} from '../support/portal-processes';
import { createTestDatabase, DEMO_PASSWORD, openDataSource, type TestApi } from '../support/test-app';
import { testConfig } from '../support/test-env';
import type { DataSource } from 'typeorm';

/** The pids of the live processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(parent) === pid && state !== 'Z') children.push(Number(entry));
    } catch {
      // Gone while the folder was read.
    }
  }
  return children.sort();
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * API_PROCESSES (ADR 0026): one API instance as a supervisor with N API processes on one port (Node's cluster),
 * started from the built output (`npm run build`) as the image runs it.
 */
describe('API_PROCESSES=2: a supervisor and two API processes on one port (built output)', () => {
  let config: AppConfig;
  let dataSource: DataSource | undefined;
  let api: PortalProcess | undefined;

  beforeAll(async () => {
    config = testConfig(await createTestDatabase(), { MIGRATIONS: 'check' });
    dataSource = await openDataSource(config);
    api = await startPortalProcess('api', 'API x2', config, { API_PROCESSES: '2' });
    // The health check answers as soon as the first process listens; the second starts after it.
    await until('both processes to listen', () =>
      api!.output.join('').includes('2 API processes listen on port') ? true : undefined,
    );
  });

  afterAll(async () => {
    if (api) await stopPortalProcesses([api]);
    await dataSource?.destroy();
  });

  it('runs two API processes; a login and its session work over many connections, whichever process answers', async () => {
    const supervisor = api!.child.pid!;
    expect(childrenOf(supervisor)).toHaveLength(2);
    const url = baseUrl(api!);
    const remote = { app: { getHttpServer: () => url }, config, dataSource } as unknown as TestApi;
    const email = await createUser(remote);
    const csrf = await request(url).get('/api/v1/auth/csrf').expect(200);
    const cookies = (csrf.headers['set-cookie'] as unknown as string[]).map((line) => line.split(';')[0]);
    const login = await request(url)
      .post('/api/v1/auth/login')
      .set('Cookie', cookies.join('; '))
      .set('x-csrf-token', csrf.body.csrfToken as string)
      .send({ email, password: DEMO_PASSWORD })
      .expect(200);
    const session = (login.headers['set-cookie'] as unknown as string[]).map((line) => line.split(';')[0]).join('; ');
    // Each request on a connection of its own: the cluster hands connections to the processes in turn.
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        request(url).get('/api/v1/auth/me').set('Connection', 'close').set('Cookie', session).timeout(10_000),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(200));
    expect(new Set(answers.map((answer) => (answer.body as { user: { email: string } }).user.email))).toEqual(
      new Set([email]),
    );
  });

  it('replaces an API process that dies, and the port keeps answering meanwhile', async () => {
    const supervisor = api!.child.pid!;
    const before = childrenOf(supervisor);
    expect(before).toHaveLength(2);
    process.kill(before[0], 'SIGKILL');
    const output = () => api!.output.join('');
    await until('the supervisor to see the exit', () =>
      output().includes(`API process ${before[0]} exited with SIGKILL; starting a replacement`) ? true : undefined,
    );
    // The other process answers while the replacement starts.
    await request(baseUrl(api!)).get('/api/health').set('Connection', 'close').timeout(10_000).expect(200);
    const after = await until('a replacement process', () => {
      const now = childrenOf(supervisor);
      return now.length === 2 && !now.includes(before[0]) ? now : undefined;
    });
    expect(after).toContain(before[1]);
    await until('the replacement to listen', () => (output().includes('cluster process 3)') ? true : undefined));
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () =>
        request(baseUrl(api!)).get('/api/health').set('Connection', 'close').timeout(10_000),
      ),
    );
    expect(statuses.map((answer) => answer.status)).toEqual(Array(6).fill(200));
  });

  it('SIGTERM stops every API process, then the supervisor exits 0', async () => {
    const supervisor = api!.child.pid!;
    const workers = childrenOf(supervisor);
    expect(workers).toHaveLength(2);
    const exited = new Promise<number | null>((done) => api!.child.once('exit', (code) => done(code)));
    api!.child.kill('SIGTERM');
    expect({ code: await exited, output: api!.output.join('') }).toEqual({
      code: 0,
      output: expect.stringContaining('SIGTERM: stopping 2 API processes'),
    });
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
    api = undefined;
  });

  it('exits 1 when the first API process cannot start (its port is taken)', async () => {
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((done) => blocker.listen(port, '0.0.0.0', done));
    try {
      const child = spawn(process.execPath, [API_MAIN], {
        env: processEnvironment(config, { PORT: String(port), API_PROCESSES: '2' }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((done) => child.once('exit', (exit) => done(exit)));
      expect({ code, output }).toEqual({ code: 1, output: expect.stringContaining('API failed to start') });
    } finally {
      blocker.close();
    }
  });
});
