/**
 * Notifications end to end: N outbox rows appear at once (as after a deadline rush); the worker's relay moves them to
 * BullMQ, its mail processor renders and sends each through a pooled SMTP transport to a sink on loopback and marks
 * the row sent. Measures mails per second until the sink received all of them, and until every row is marked sent.
 * See docs/benchmarks.md.
 *
 *   node -r ./test/bench/support/register.cjs test/bench/mail-throughput.ts [--mails 5000]
 *        [--pool 5] [--poll 500] [--log-level warn]
 */
import type { INestApplicationContext } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { createTestDatabase, openDataSource, startWorker } from '../support/test-app';
import { testConfig } from '../support/test-env';
import { flag, intFlag, printLoad, runBench, waitFor } from './support/bench-run';
import { BackendCpu, processCpuMs } from './support/cpu';
import { CountingMailSink } from './support/mail-sink';

const MAILS = intFlag('mails', 5000);
const LOG_LEVEL = flag('log-level', 'warn');

/** Outbox rows as DossiersService.submit writes them (same template and payload size). */
async function insertOutbox(dataSource: DataSource, count: number): Promise<void> {
  await dataSource.query(
    `INSERT INTO notifications (template, recipient, locale, payload, subject_ref, status)
     SELECT 'dossier.submitted', 'aanvrager-' || n || '@bench.subsidieportaal.be', CASE WHEN n % 5 = 0 THEN 'en' ELSE 'nl' END,
            jsonb_build_object(
              'recipientName', 'Aanvrager ' || n,
              'reference', 'GV-BENCH-' || lpad(n::text, 6, '0'),
              'title', 'Zomer in de buurt',
              'callTitle', 'Connecteren van kwetsbare kinderen en jongeren met de buurt en de buitenwereld',
              'submittedAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'submittedAtBrussels', to_char(now() AT TIME ZONE 'Europe/Brussels', 'DD/MM/YYYY HH24:MI:SS'),
              'contentHash', encode(sha256(convert_to(n::text, 'UTF8')), 'hex'),
              'submissionNumber', 1,
              'receiptUrl', 'http://localhost:3000/aanvrager/dossiers/' || gen_random_uuid() || '/ontvangstbewijs'),
            'GV-BENCH-' || lpad(n::text, 6, '0'), 'pending'
       FROM generate_series(1, $1::int) n`,
    [count],
  );
}

async function countWhere(dataSource: DataSource, condition: string): Promise<number> {
  const [row] = await dataSource.query<Array<{ count: string }>>(
    `SELECT count(*) FROM notifications WHERE ${condition}`,
  );
  return Number(row.count);
}

void runBench(`mail throughput: ${MAILS} outbox rows to an SMTP sink`, async () => {
  const database = await createTestDatabase();
  const sink = new CountingMailSink();
  const smtpUrl = await sink.start();
  const overrides: Record<string, string> = { LOG_LEVEL, SMTP_URL: smtpUrl };
  if (flag('pool', '') !== '') overrides.SMTP_POOL_SIZE = flag('pool', '');
  if (flag('poll', '') !== '') overrides.OUTBOX_POLL_MS = flag('poll', '');
  const config = testConfig(database, overrides);
  const dataSource = await openDataSource(config);
  let worker: INestApplicationContext | undefined;
  try {
    worker = await startWorker(config);
    console.log(
      `worker      SMTP_POOL_SIZE ${config.SMTP_POOL_SIZE} (mail jobs in parallel: see MailProcessor), ` +
        `OUTBOX_POLL_MS ${config.OUTBOX_POLL_MS}, LOG_LEVEL ${LOG_LEVEL}; sink ${smtpUrl} in its own process`,
    );
    // The worker is up and idle; the rows appear in one transaction, as a burst of submits would leave them.
    const started = performance.now();
    const startedAt = Date.now();
    const cpuBefore = processCpuMs();
    const backends = new BackendCpu(database);
    await backends.start();
    await insertOutbox(dataSource, MAILS);
    const inserted = performance.now() - started;
    let dispatchedAt = 0;
    await waitFor(
      'every mail at the sink',
      async () => {
        if (!dispatchedAt && (await countWhere(dataSource, 'dispatched_at IS NULL')) === 0) dispatchedAt = Date.now();
        return sink.count >= MAILS;
      },
      30 * 60_000,
      100,
    );
    const atSink = (sink.lastAt - startedAt) / 1000;
    await waitFor(
      'every row marked sent',
      async () => (await countWhere(dataSource, `status <> 'sent'`)) === 0,
      120_000,
      50,
    );
    const allSent = (performance.now() - started) / 1000;
    const workerCpuMs = (processCpuMs() - cpuBefore) / MAILS;
    const dbCpu = await backends.stop();

    const duplicates = [...sink.received.values()].filter((times) => times > 1).length;
    const ids = await dataSource.query<Array<{ id: string }>>('SELECT id FROM notifications');
    const missing = ids.filter((row) => !sink.received.has(`<${row.id}@subsidieportaal>`)).length;
    const failed = await countWhere(dataSource, `attempts > 1 OR last_error IS NOT NULL`);

    console.log(`\noutbox      ${MAILS} rows inserted in ${inserted.toFixed(0)} ms`);
    console.log(
      `relay       all rows handed to BullMQ after ${dispatchedAt ? ((dispatchedAt - startedAt) / 1000).toFixed(2) : '?'} s`,
    );
    console.log(
      `sink        ${sink.count} mails received in ${atSink.toFixed(2)} s = ${(MAILS / atSink).toFixed(0)} mails/s ` +
        `(first after ${((sink.firstAt - startedAt) / 1000).toFixed(2)} s)`,
    );
    console.log(
      `marked sent all ${MAILS} rows after ${allSent.toFixed(2)} s = ${(MAILS / allSent).toFixed(0)} mails/s`,
    );
    console.log(
      `checks      missing ${missing}, received twice ${duplicates}, retried or failed ${failed}: ` +
        `${missing || duplicates || failed ? 'PROBLEM' : 'one mail per outbox row'}`,
    );
    console.log(
      `CPU per mail: worker process ${workerCpuMs.toFixed(2)} ms (relay, BullMQ, rendering, SMTP client), ` +
        `PostgreSQL ${dbCpu === null ? '?' : (dbCpu / MAILS).toFixed(2)} ms`,
    );
    console.log(`target      >= 500 mails/s: ${MAILS / atSink >= 500 ? 'met' : 'NOT met'}`);
    printLoad('load avg');
    if (missing || duplicates || failed) process.exitCode = 1;
  } finally {
    await worker?.close();
    await dataSource.destroy();
    await sink.stop();
  }
});
