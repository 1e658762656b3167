import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { applicantWithOrganisation, createCall } from '../../support/factories';
import type { TestApi } from '../../support/test-app';
import { BASE_DATABASE_URL } from '../../support/test-env';
import { ms, percentile, sortedCopy } from './bench-run';
import { submissionInvariants } from './invariants';
import { BackendCpu } from './cpu';
import { seedDrafts } from './seed-drafts';

const run = promisify(execFile);
const SUBMIT_SCRIPT = join(__dirname, '..', 'submit.pgbench.sql');
const MINIMAL_SCRIPT = join(__dirname, '..', 'minimal.pgbench.sql');

export interface PgbenchResult {
  clients: number;
  transactions: number;
  tps: number;
  p50: number;
  p95: number;
  p99: number;
  failed: number;
  /** CPU milliseconds of PostgreSQL's backends per transaction. */
  dbCpuMs: number | null;
  invariants: string[];
}

export function pgbenchBinary(): string {
  const debian = '/usr/lib/postgresql/15/bin/pgbench';
  return existsSync(debian) ? debian : 'pgbench';
}

/** How the benchmark reaches PostgreSQL: a Unix socket when DATABASE_URL says ?host=/socket/dir, else TCP. */
export function databaseTransport(): string {
  const url = new URL(BASE_DATABASE_URL);
  const host = url.searchParams.get('host');
  return host?.startsWith('/') ? `Unix socket ${host}` : `TCP ${url.hostname}:${url.port || '5432'}`;
}

/** Clients pgbench may open without taking the server's last connections from everyone else on it. */
async function connectionsLeft(api: TestApi): Promise<number> {
  const [row] = await api.dataSource.query<Array<{ left: number }>>(
    `SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
            - (SELECT count(*) FROM pg_stat_activity)::int - 10 AS left`,
  );
  return Math.max(1, Number(row.left));
}

/** Runs one pgbench script: each client `perClient` times, the variables passed with -D (plus per_client, iter). */
async function pgbench(
  database: string,
  script: string,
  clients: number,
  perClient: number,
  variables: Record<string, string>,
): Promise<Omit<PgbenchResult, 'invariants' | 'clients'>> {
  const url = new URL(BASE_DATABASE_URL);
  const logDir = mkdtempSync(join(tmpdir(), 'portal-pgbench-'));
  const args = [
    // The same server and transport as the API: TCP, or a Unix socket when DATABASE_URL says ?host=/socket/dir.
    ...['-h', url.searchParams.get('host') ?? url.hostname, '-p', url.port || '5432'],
    ...['-U', decodeURIComponent(url.username) || 'postgres'],
    // Prepared statements (parsed and planned once per connection), as the API sends its session lookup and its
    // submit since ADR 0026.
    ...['-n', '-M', 'prepared', '-c', String(clients), '-j', String(Math.min(clients, 2))],
    ...['-t', String(perClient), '-f', script, '-l', '--log-prefix', join(logDir, 'tx')],
    ...Object.entries({ ...variables, per_client: String(perClient), iter: '0' }).flatMap(([name, value]) => [
      '-D',
      `${name}=${value}`,
    ]),
    database,
  ];
  const backends = new BackendCpu(database);
  await backends.start();
  try {
    const { stdout } = await run(pgbenchBinary(), args, {
      env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: unknown) => {
      const output = error as { stderr?: string; stdout?: string };
      throw new Error(`pgbench failed: ${output.stderr ?? ''}${output.stdout ?? ''}`.slice(0, 4000), { cause: error });
    });
    const dbCpu = await backends.stop();
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    const latencies: number[] = [];
    for (const file of readdirSync(logDir)) {
      for (const line of readFileSync(join(logDir, file), 'utf8').split('\n')) {
        const micros = Number(line.split(' ')[2]);
        if (line && Number.isFinite(micros)) latencies.push(micros / 1000);
      }
    }
    const sorted = sortedCopy(latencies);
    const transactions = clients * perClient;
    return {
      transactions,
      tps,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      failed,
      dbCpuMs: dbCpu === null ? null : dbCpu / transactions,
    };
  } finally {
    await backends.stop();
    rmSync(logDir, { recursive: true, force: true });
  }
}

function report(label: string, result: PgbenchResult, asked: number): void {
  console.log(
    `pgbench ${label}, ${result.clients} clients${result.clients !== asked ? ` (max_connections leaves no more)` : ''}: ` +
      `${result.transactions} transactions, ${result.tps.toFixed(0)} TPS; latency p50 ${ms(result.p50)}, ` +
      `p95 ${ms(result.p95)}, p99 ${ms(result.p99)}; failed ${result.failed}; PostgreSQL CPU ` +
      `${result.dbCpuMs?.toFixed(2) ?? '?'} ms per transaction; invariants: ` +
      `${result.invariants.length ? result.invariants.join('; ') : 'all hold'}`,
  );
}

/**
 * pgbench runs test/bench/submit.pgbench.sql (the SQL of one submit) on the benchmark's database at the given
 * concurrency, on drafts seeded like the HTTP ones on a call of its own. The JSON it writes is copied from a submit
 * the API made on `sampleCallId`. Its outbox rows are checked and then deleted: they are not real submissions and the
 * worker should not mail them.
 */
export async function runSubmitPgbench(
  api: TestApi,
  options: {
    database: string;
    prototypeDossierId: string;
    sampleCallId: string;
    clients: number;
    transactions: number;
    enterpriseBase: number;
  },
): Promise<PgbenchResult> {
  const clients = Math.min(options.clients, await connectionsLeft(api));
  const perClient = Math.ceil(options.transactions / clients);
  const call = await createCall(api, { closesIn: '2 hours' });
  const tag = `p${options.clients}x${randomBytes(3).toString('hex')}`;
  await seedDrafts(api.dataSource, {
    tag,
    count: perClient * clients,
    callId: call.id,
    prototypeDossierId: options.prototypeDossierId,
    enterpriseBase: options.enterpriseBase,
  });
  const [sample] = await api.dataSource.query<Array<Record<string, string>>>(
    `SELECT s.content::text AS content, s.declaration, e.before::text AS before, n.payload::text AS payload
       FROM dossiers d
       JOIN dossier_submissions s ON s.dossier_id = d.id
       JOIN audit_events e ON e.entity_id = d.id::text AND e.action = 'dossier.submitted'
       JOIN notifications n ON n.subject_ref = d.reference
      WHERE d.call_id = $1 LIMIT 1`,
    [options.sampleCallId],
  );
  await api.dataSource.query('CHECKPOINT');
  const measured = await pgbench(options.database, SUBMIT_SCRIPT, clients, perClient, {
    tag,
    call: call.id,
    content: sample.content,
    declaration: sample.declaration,
    before: sample.before,
    payload: sample.payload,
  });
  const invariants = (await submissionInvariants(api.dataSource, call.id, measured.transactions)).map(
    (problem) => `pgbench ${problem}`,
  );
  if (measured.failed) invariants.push(`pgbench: ${measured.failed} failed transactions`);
  await api.dataSource.query(
    `DELETE FROM notifications n USING dossiers d WHERE d.call_id = $1 AND n.subject_ref = d.reference`,
    [call.id],
  );
  const result = { ...measured, clients, invariants };
  report('submit SQL', result, options.clients);
  return result;
}

/**
 * pgbench runs test/bench/minimal.pgbench.sql: the least a submit can be, one transaction that inserts a dossier and
 * an outbox row (the dossier's triggers included), on a call of its own, at the given concurrency. What the API's
 * throughput is compared with. Its outbox rows are deleted afterwards (the worker should not mail them).
 */
export async function runMinimalPgbench(
  api: TestApi,
  options: { database: string; clients: number; transactions: number },
): Promise<PgbenchResult> {
  const clients = Math.min(options.clients, await connectionsLeft(api));
  const perClient = Math.ceil(options.transactions / clients);
  const call = await createCall(api, { closesIn: '2 hours' });
  const owner = await applicantWithOrganisation(api);
  const [member] = await api.dataSource.query<Array<{ user_id: string }>>(
    'SELECT user_id FROM applicant_members WHERE applicant_id = $1 LIMIT 1',
    [owner.applicantId],
  );
  const tag = `m${options.clients}x${randomBytes(3).toString('hex')}`;
  await api.dataSource.query('CHECKPOINT');
  const measured = await pgbench(options.database, MINIMAL_SCRIPT, clients, perClient, {
    tag,
    call: call.id,
    applicant: owner.applicantId,
    user: member.user_id,
  });
  const [row] = await api.dataSource.query<Array<{ dossiers: string; outbox: string }>>(
    `SELECT (SELECT count(*) FROM dossiers WHERE call_id = $1) AS dossiers,
            (SELECT count(*) FROM notifications WHERE subject_ref LIKE $2) AS outbox`,
    [call.id, `${tag}-%`],
  );
  const invariants: string[] = [];
  if (Number(row.dossiers) !== measured.transactions)
    invariants.push(`pgbench minimal: ${row.dossiers} dossiers, expected ${measured.transactions}`);
  if (Number(row.outbox) !== measured.transactions)
    invariants.push(`pgbench minimal: ${row.outbox} outbox rows, expected ${measured.transactions}`);
  if (measured.failed) invariants.push(`pgbench minimal: ${measured.failed} failed transactions`);
  await api.dataSource.query('DELETE FROM notifications WHERE subject_ref LIKE $1', [`${tag}-%`]);
  const result = { ...measured, clients, invariants };
  report('minimal transaction', result, options.clients);
  return result;
}
