import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { createCall } from '../../support/factories';
import type { TestApi } from '../../support/test-app';
import { BASE_DATABASE_URL } from '../../support/test-env';
import { ms, percentile, sortedCopy } from './bench-run';
import { submissionInvariants } from './invariants';
import { BackendCpu } from './cpu';
import { seedDrafts } from './seed-drafts';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '..', 'submit.pgbench.sql');

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

/** Clients pgbench may open without taking the server's last connections from everyone else on it. */
async function connectionsLeft(api: TestApi): Promise<number> {
  const [row] = await api.dataSource.query<Array<{ left: number }>>(
    `SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
            - (SELECT count(*) FROM pg_stat_activity)::int - 10 AS left`,
  );
  return Math.max(1, Number(row.left));
}

/**
 * pgbench runs test/bench/submit.pgbench.sql (the SQL of one submit) on the benchmark's database at the given
 * concurrency, on drafts seeded like the HTTP ones on a call of its own, so it has the same lock on that call's
 * number counter. The JSON it writes is copied from a submit the API made on `sampleCallId`. Its outbox rows are
 * checked and then deleted: they are not real submissions and the worker should not mail them.
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
  const transactions = perClient * clients;
  const call = await createCall(api, { closesIn: '2 hours' });
  const tag = `p${options.clients}x${randomBytes(3).toString('hex')}`;
  await seedDrafts(api.dataSource, {
    tag,
    count: transactions,
    callId: call.id,
    prototypeDossierId: options.prototypeDossierId,
    enterpriseBase: options.enterpriseBase,
  });
  const [sample] = await api.dataSource.query<Array<Record<string, string>>>(
    `SELECT s.content::text AS content, s.declaration, e.before::text AS before, e.after::text AS after, n.payload::text AS payload
       FROM dossiers d
       JOIN dossier_submissions s ON s.dossier_id = d.id
       JOIN audit_events e ON e.entity_id = d.id::text AND e.action = 'dossier.submitted'
       JOIN notifications n ON n.subject_ref = d.reference
      WHERE d.call_id = $1 LIMIT 1`,
    [options.sampleCallId],
  );
  await api.dataSource.query('CHECKPOINT');

  const url = new URL(BASE_DATABASE_URL);
  const logDir = mkdtempSync(join(tmpdir(), 'portal-pgbench-'));
  const variables = {
    tag,
    per_client: String(perClient),
    iter: '0',
    call: call.id,
    code: call.code,
    content: sample.content,
    declaration: sample.declaration,
    before: sample.before,
    after: sample.after,
    payload: sample.payload,
  };
  const args = [
    // The same server and transport as the API: TCP, or a Unix socket when DATABASE_URL says ?host=/socket/dir.
    ...['-h', url.searchParams.get('host') ?? url.hostname, '-p', url.port || '5432'],
    ...['-U', decodeURIComponent(url.username) || 'postgres'],
    ...['-n', '-M', 'extended', '-c', String(clients), '-j', String(Math.min(clients, 2))],
    ...['-t', String(perClient), '-f', SCRIPT, '-l', '--log-prefix', join(logDir, 'tx')],
    ...Object.entries(variables).flatMap(([name, value]) => ['-D', `${name}=${value}`]),
    options.database,
  ];
  const backends = new BackendCpu(options.database);
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
    const invariants = (await submissionInvariants(api.dataSource, call.id, transactions)).map(
      (problem) => `pgbench ${problem}`,
    );
    await api.dataSource.query(
      `DELETE FROM notifications n USING dossiers d WHERE d.call_id = $1 AND n.subject_ref = d.reference`,
      [call.id],
    );
    const result: PgbenchResult = {
      clients,
      transactions,
      tps,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      failed,
      dbCpuMs: dbCpu === null ? null : dbCpu / transactions,
      invariants: failed ? [...invariants, `pgbench: ${failed} failed transactions`] : invariants,
    };
    console.log(
      `pgbench ${clients} clients${clients !== options.clients ? ` (max_connections leaves no more)` : ''}: ` +
        `${transactions} submits, ${tps.toFixed(0)} TPS; latency p50 ${ms(result.p50)}, p95 ${ms(result.p95)}, ` +
        `p99 ${ms(result.p99)}; failed ${failed}; PostgreSQL CPU ${result.dbCpuMs?.toFixed(2) ?? '?'} ms per ` +
        `transaction; invariants: ${invariants.length ? invariants.join('; ') : 'all hold'}`,
    );
    return result;
  } finally {
    await backends.stop();
    rmSync(logDir, { recursive: true, force: true });
  }
}
