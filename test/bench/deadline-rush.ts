/**
 * Deadline rush: N organisations, each with a complete draft, submit through the real HTTP API at 8, 32 and 128
 * connections; after each level pgbench runs, on the same database at the same concurrency, the minimal transaction
 * (insert a dossier and an outbox row: what the API is compared with) and the SQL of a submit; at the end the worker
 * relays the confirmation mails to an SMTP sink. See docs/benchmarks.md.
 *
 *   node -r ./test/bench/support/register.cjs test/bench/deadline-rush.ts [--orgs 2000] [--concurrency 8,32,128]
 *        [--pgbench true|false] [--mail true|false] [--log-level warn] [--built false|true]
 * --built true (after `npm run build`): the load goes to the built API started as a process of its own (as the image
 * runs it) instead of the API in this process.
 * PostgreSQL over its Unix socket: DATABASE_URL='postgres://postgres@localhost/postgres?host=/var/run/postgresql'
 * (`npm run bench:rush` does that when the socket exists and DATABASE_URL is not set).
 */
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@portal/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { applicantWithOrganisation, completeDossier, createCall } from '../support/factories';
import { createTestDatabase, startApi, startWorker, type TestApi } from '../support/test-app';
import { testConfig } from '../support/test-env';
import { flag, intFlag, ms, percentile, printLoad, runBench, sortedCopy, table, waitFor } from './support/bench-run';
import { runLoad, type LoadRequest } from './support/http-load';
import { BackendCpu, processCpuMs, otherProcessCpuMs } from './support/cpu';
import {
  API_MAIN,
  baseUrl,
  startPortalProcess,
  stopPortalProcesses,
  type PortalProcess,
} from '../support/portal-processes';
import { CountingMailSink } from './support/mail-sink';
import { databaseTransport, runMinimalPgbench, runSubmitPgbench, type PgbenchResult } from './support/pgbench';
import { seedDrafts, type SeededDraft } from './support/seed-drafts';
import { submissionInvariants } from './support/invariants';
import { countApiStatements } from './support/query-count';

const apiStatements = countApiStatements();

const ORGS = intFlag('orgs', 2000);
const LEVELS = flag('concurrency', '8,32,128')
  .split(',')
  .map((value) => Number(value.trim()))
  .filter((value) => Number.isSafeInteger(value) && value > 0);
const WITH_PGBENCH = flag('pgbench', 'true') !== 'false';
const WITH_MAIL = flag('mail', 'true') !== 'false';
const LOG_LEVEL = flag('log-level', 'warn');
/** false (default): the API runs in this process. true: the built API (`npm run build`) in a process of its own. */
const BUILT = flag('built', 'false') === 'true';

interface LevelResult {
  concurrency: number;
  callId: string;
  drafts: SeededDraft[];
  durationMs: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  /** CPU milliseconds per submit: the API's process, and PostgreSQL's backends for its database. */
  apiCpuMs: number;
  /** Of apiCpuMs, the part spent in the kernel (socket reads and writes, wake-ups); null when not known. */
  apiSystemMs: number | null;
  dbCpuMs: number | null;
  /** CPU milliseconds per submit of the load generator (the HTTP client, another process on the same cores). */
  loadCpuMs: number;
  /** SQL statements the API sent per submit (BEGIN and COMMIT included); null when not counted. */
  statements: number | null;
  invariants: string[];
  /** 1-minute load average right after the level. */
  load: number;
  pgbench?: PgbenchResult;
  minimal?: PgbenchResult;
}

/** A CSRF token bound to each seeded session, as the web app gets it: GET /auth/csrf with the session cookie. */
async function csrfFor(baseUrl: string, drafts: SeededDraft[]): Promise<Map<number, { cookie: string; csrf: string }>> {
  const result = new Map<number, { cookie: string; csrf: string }>();
  let next = 0;
  const fetchOne = async () => {
    for (;;) {
      const draft = drafts[next++];
      if (!draft) return;
      const session = `${SESSION_COOKIE}=${draft.token}`;
      const response = await fetch(`${baseUrl}/api/v1/auth/csrf`, { headers: { cookie: session } });
      if (response.status !== 200) throw new Error(`GET /auth/csrf answered ${response.status}`);
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      const csrfCookie = response.headers
        .getSetCookie()
        .map((cookie) => cookie.split(';', 1)[0])
        .find((cookie) => cookie.startsWith(`${CSRF_COOKIE}=`));
      if (!csrfCookie) throw new Error('GET /auth/csrf set no CSRF cookie');
      result.set(draft.n, { cookie: `${session}; ${csrfCookie}`, csrf: csrfToken });
    }
  };
  await Promise.all(Array.from({ length: 16 }, fetchOne));
  return result;
}

function clientAddress(n: number): string {
  return `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`;
}

/** The API the load goes to, and how its CPU and statements are counted. */
interface ApiUnderTest {
  baseUrl: string;
  /** CPU milliseconds so far: this process (the API in it), or the started API's processes. */
  cpuMs: () => number;
  /** Of those, the kernel's part; null when not known (another process). */
  systemMs: () => number | null;
  /** SQL statements the API sent so far; null when not counted (another process). */
  statements: () => number | null;
}

async function rush(
  api: TestApi,
  database: string,
  target: ApiUnderTest,
  prototypeDossierId: string,
  concurrency: number,
  enterpriseBase: number,
): Promise<LevelResult> {
  const call = await createCall(api, { closesIn: '2 hours' });
  const tag = `h${concurrency}x${randomBytes(3).toString('hex')}`;
  const drafts = await seedDrafts(api.dataSource, {
    tag,
    count: ORGS,
    callId: call.id,
    prototypeDossierId,
    enterpriseBase,
  });
  const { baseUrl } = target;
  const csrf = await csrfFor(baseUrl, drafts);
  const requests: LoadRequest[] = drafts.map((draft) => ({
    method: 'POST',
    path: `/api/v1/dossiers/${draft.dossierId}/submit`,
    headers: {
      accept: 'application/json',
      cookie: csrf.get(draft.n)!.cookie,
      [CSRF_HEADER]: csrf.get(draft.n)!.csrf,
      'idempotency-key': `bench-${tag}-${draft.n}`,
      // Each organisation submits from its own address, as behind the load balancer on deadline day (the API trusts
      // X-Forwarded-For from loopback); otherwise the per-IP submit limit would refuse all but the first 200.
      // 198.18.0.0/15 is reserved for benchmarks (RFC 2544); nothing is sent there, it is only a header.
      'x-forwarded-for': clientAddress(draft.n),
    },
    // The declaration on honour, accepted: without it the API refuses the submit (400).
    body: JSON.stringify({ declaration: true }),
  }));
  // Let the seeding's writes settle (checkpoint, autovacuum wake-up) before the clock starts.
  await api.dataSource.query('CHECKPOINT');
  const backends = new BackendCpu(database);
  await backends.start();
  const cpuBefore = target.cpuMs();
  const systemBefore = target.systemMs();
  const statementsBefore = target.statements();
  const load = await runLoad({ baseUrl, requests, concurrency, expectStatus: 200, expectField: 'reference' });
  const apiCpuMs = (target.cpuMs() - cpuBefore) / requests.length;
  const systemAfter = target.systemMs();
  const apiSystemMs =
    systemBefore === null || systemAfter === null ? null : (systemAfter - systemBefore) / requests.length;
  const statementsAfter = target.statements();
  const statements =
    statementsBefore === null || statementsAfter === null
      ? null
      : (statementsAfter - statementsBefore) / requests.length;
  const dbCpu = await backends.stop();
  const sorted = sortedCopy(load.latencies);
  const result: LevelResult = {
    concurrency,
    callId: call.id,
    drafts,
    durationMs: load.durationMs,
    throughput: (load.ok * 1000) / load.durationMs,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
    errors: load.errors,
    apiCpuMs,
    apiSystemMs,
    dbCpuMs: dbCpu === null ? null : dbCpu / requests.length,
    loadCpuMs: load.cpuMs / requests.length,
    statements,
    invariants: await submissionInvariants(api.dataSource, call.id, ORGS),
    load: loadavg()[0],
  };
  console.log(
    `\nHTTP  ${concurrency} connections: ${load.ok} submits in ${(load.durationMs / 1000).toFixed(2)} s = ` +
      `${result.throughput.toFixed(0)}/s; latency p50 ${ms(result.p50)}, p95 ${ms(result.p95)}, p99 ${ms(result.p99)}, ` +
      `max ${ms(result.max)}; errors ${load.errors}`,
  );
  console.log(
    `      CPU per submit: API ${result.apiCpuMs.toFixed(2)} ms` +
      (result.apiSystemMs === null ? '' : ` (${result.apiSystemMs.toFixed(2)} in the kernel)`) +
      `, PostgreSQL ${result.dbCpuMs?.toFixed(2) ?? '?'} ms, load generator ${result.loadCpuMs.toFixed(2)} ms; ` +
      `SQL statements per submit ${result.statements?.toFixed(2) ?? 'not counted (another process)'}`,
  );
  if (load.errors) console.log(`      errors by kind ${JSON.stringify(load.errorKinds)}; e.g. ${load.errorSamples[0]}`);
  console.log(`      invariants: ${result.invariants.length ? result.invariants.join('; ') : 'all hold'}`);
  printLoad('      load avg');
  return result;
}

async function mails(api: TestApi, database: string, levels: LevelResult[]): Promise<string[]> {
  const expected = await api.dataSource.query<Array<{ id: string }>>(
    `SELECT n.id FROM notifications n JOIN dossiers d ON d.reference = n.subject_ref
      WHERE n.template = 'dossier.submitted' AND d.call_id = ANY($1::uuid[])`,
    [levels.map((level) => level.callId)],
  );
  const sink = new CountingMailSink();
  const smtpUrl = await sink.start();
  let worker: INestApplicationContext | undefined;
  try {
    const started = Date.now();
    worker = await startWorker(testConfig(database, { LOG_LEVEL, SMTP_URL: smtpUrl }));
    const outstanding = await api.dataSource.query<Array<{ count: string }>>(
      'SELECT count(*) FROM notifications WHERE dispatched_at IS NULL',
    );
    const total = Number(outstanding[0].count);
    await waitFor('all mails at the sink', () => sink.count >= total, 20 * 60_000, 100);
    const seconds = (sink.lastAt - started) / 1000;
    console.log(
      `\nmail  the worker relayed ${sink.count} mails to the SMTP sink in ${seconds.toFixed(1)} s from its start ` +
        `(${(sink.count / seconds).toFixed(0)}/s, default settings: SMTP_POOL_SIZE 5, OUTBOX_POLL_MS 500)`,
    );
    const problems: string[] = [];
    let missing = 0;
    let twice = 0;
    for (const row of expected) {
      const seen = sink.received.get(`<${row.id}@subsidieportaal>`) ?? 0;
      if (seen === 0) missing += 1;
      if (seen > 1) twice += 1;
    }
    if (expected.length !== levels.length * ORGS)
      problems.push(`${expected.length} outbox rows, expected ${levels.length * ORGS}`);
    if (missing) problems.push(`${missing} submissions without a mail`);
    if (twice) problems.push(`${twice} submissions with more than one mail`);
    const [notSent] = await api.dataSource.query<Array<{ count: string }>>(
      `SELECT count(*) FROM notifications WHERE id = ANY($1::uuid[]) AND status <> 'sent'`,
      [expected.map((row) => row.id)],
    );
    await waitFor(
      'every outbox row marked sent',
      async () => {
        const [row] = await api.dataSource.query<Array<{ count: string }>>(
          `SELECT count(*) FROM notifications WHERE id = ANY($1::uuid[]) AND status <> 'sent'`,
          [expected.map((r) => r.id)],
        );
        return Number(row.count) === 0;
      },
      60_000,
      200,
    ).catch(() => problems.push(`${notSent.count} outbox rows not marked sent`));
    console.log(
      `      one mail per submission (${expected.length} submissions): ${problems.length ? problems.join('; ') : 'holds'}`,
    );
    return problems;
  } finally {
    await worker?.close();
    await sink.stop();
  }
}

function summary(levels: LevelResult[]): void {
  const rows = [
    [
      'connections',
      'API submits/s',
      'p50',
      'p95',
      'p99',
      'errors',
      'CPU/submit API+PG',
      'SQL/submit',
      'load',
      'minimal TPS',
      'API/minimal',
      'submit SQL TPS',
      'API/submit SQL',
    ],
  ];
  const tps = (level: LevelResult, pg: PgbenchResult | undefined) =>
    pg ? pg.tps.toFixed(0) + (pg.clients !== level.concurrency ? ` (${pg.clients} clients)` : '') : 'n/a';
  const ratio = (level: LevelResult, pg: PgbenchResult | undefined) =>
    pg ? `${((level.throughput / pg.tps) * 100).toFixed(0)}%` : 'n/a';
  for (const level of levels) {
    rows.push([
      String(level.concurrency),
      level.throughput.toFixed(0),
      ms(level.p50),
      ms(level.p95),
      ms(level.p99),
      String(level.errors),
      `${level.apiCpuMs.toFixed(2)}+${level.dbCpuMs?.toFixed(2) ?? '?'} ms`,
      level.statements?.toFixed(1) ?? 'n/a',
      level.load.toFixed(2),
      tps(level, level.minimal),
      ratio(level, level.minimal),
      tps(level, level.pgbench),
      ratio(level, level.pgbench),
    ]);
  }
  console.log(`\n${table(rows)}`);
}

void runBench(`deadline rush: ${ORGS} organisations submit at ${LEVELS.join(', ')} connections`, async () => {
  const database = await createTestDatabase();
  const api = await startApi({ database, seed: false, overrides: { LOG_LEVEL } });
  let built: PortalProcess | undefined;
  try {
    const inProcessUrl = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    // The prototype: one organisation makes its dossier complete through the API; the seeded drafts copy it.
    const prototypeCall = await createCall(api, { closesIn: '3 hours' });
    // Its enterprise number is below the seeded range (2,000,000 and up).
    const owner = await applicantWithOrganisation(api, { enterpriseNumber: '0199999944' });
    const prototype = await completeDossier(api, owner, prototypeCall.id);
    let target: ApiUnderTest;
    if (BUILT) {
      // The built API as its own process, as the image runs it; the API in this process only made the prototype and
      // stays idle.
      built = await startPortalProcess('api', 'API', api.config, { LOG_LEVEL });
      const pid = built.child.pid!;
      target = {
        baseUrl: baseUrl(built),
        cpuMs: () => otherProcessCpuMs(pid),
        systemMs: () => null,
        statements: () => null,
      };
      console.log(
        `API   ${target.baseUrl}, the built API (${API_MAIN}, pid ` +
          `${pid}), LOG_LEVEL=${LOG_LEVEL}, database ${database} over ${databaseTransport()}`,
      );
    } else {
      target = {
        baseUrl: inProcessUrl,
        cpuMs: processCpuMs,
        systemMs: () => process.cpuUsage().system / 1000,
        statements: apiStatements,
      };
      console.log(
        `API   ${inProcessUrl}, one process (pid ${process.pid}, node ${process.execArgv.join(' ') || 'no flags'}), ` +
          `LOG_LEVEL=${LOG_LEVEL}, database ${database} over ${databaseTransport()}`,
      );
    }

    const levels: LevelResult[] = [];
    let enterpriseBase = 2_000_000;
    const problems: string[] = [];
    for (const concurrency of LEVELS) {
      const level = await rush(api, database, target, prototype.id, concurrency, enterpriseBase);
      enterpriseBase += ORGS;
      problems.push(...level.invariants);
      if (level.errors) problems.push(`${level.errors} HTTP errors at ${concurrency} connections`);
      if (WITH_PGBENCH) {
        level.minimal = await runMinimalPgbench(api, { database, clients: concurrency, transactions: ORGS });
        problems.push(...level.minimal.invariants);
        level.pgbench = await runSubmitPgbench(api, {
          database,
          prototypeDossierId: prototype.id,
          sampleCallId: level.callId,
          clients: concurrency,
          transactions: ORGS,
          enterpriseBase,
        });
        enterpriseBase += level.pgbench.transactions;
        problems.push(...level.pgbench.invariants);
      }
      levels.push(level);
    }
    if (WITH_MAIL) problems.push(...(await mails(api, database, levels)));
    summary(levels);
    printLoad('\nload avg at the end');
    console.log(problems.length ? `\nPROBLEMS: ${problems.join('; ')}` : '\nevery invariant holds');
    if (problems.length) process.exitCode = 1;
  } finally {
    if (built) await stopPortalProcesses([built]);
    await api.close();
  }
});
