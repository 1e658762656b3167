/**
 * Attachment memory: `--files` (5) uploads of a 10 MiB file (each new content, so each is staged as 40 rows, then
 * copied into 40 blob chunks by PostgreSQL, ADR 0019) and as many downloads of them, one at a time, through the API
 * in this process (ATTACHMENT_STORAGE=postgres). Every 200 ms it collects garbage and samples the memory still in
 * use (heap + buffers: what the requests hold, not garbage awaiting collection), and prints the peak above the
 * baseline taken before each phase, with RSS and the time per request (slowed by the sampling's collections). The client streams the upload from disk and counts the download
 * without keeping it, so the figures are the API's. Needs --expose-gc. See docs/benchmarks.md and ADR 0019.
 *
 *   node --expose-gc -r ./test/bench/support/register.cjs test/bench/attachment-memory.ts [--files 5]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'superagent';
import { MAX_ATTACHMENT_BYTES } from '../../apps/api/src/dossiers/content-type';
import { applicantWithOrganisation, createCall, pdfBuffer } from '../support/factories';
import { startApi } from '../support/test-app';
import { intFlag, mib, ms, runBench, table } from './support/bench-run';

const FILES = intFlag('files', 5);

interface Peak {
  heapAndBuffers: number;
  rss: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function sample(): Peak {
  gc?.();
  const usage = process.memoryUsage();
  return { heapAndBuffers: usage.heapUsed + usage.external, rss: usage.rss };
}

/** Runs `work` while sampling memory; returns the peak above the baseline taken just before. */
async function measured(work: () => Promise<void>): Promise<{ peak: Peak; elapsed: number }> {
  const baseline = sample();
  const peak = { ...baseline };
  const timer = setInterval(() => {
    const now = sample();
    peak.heapAndBuffers = Math.max(peak.heapAndBuffers, now.heapAndBuffers);
    peak.rss = Math.max(peak.rss, now.rss);
  }, 200);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  const elapsed = performance.now() - started;
  const end = sample();
  peak.heapAndBuffers = Math.max(peak.heapAndBuffers, end.heapAndBuffers);
  peak.rss = Math.max(peak.rss, end.rss);
  return {
    peak: { heapAndBuffers: peak.heapAndBuffers - baseline.heapAndBuffers, rss: peak.rss - baseline.rss },
    elapsed,
  };
}

/** Counts the answer's bytes without keeping them. */
function countBytes(response: Response, done: (error: Error | null, body: unknown) => void): void {
  let bytes = 0;
  const stream = response as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
  stream.on('end', () => done(null, bytes));
}

void runBench('attachment memory (10 MiB uploads and downloads, PostgreSQL storage)', async () => {
  if (!gc) throw new Error('run with node --expose-gc (npm run bench:attachments does)');
  const api = await startApi({ seed: false, overrides: { LOG_LEVEL: 'warn' } });
  const folder = mkdtempSync(join(tmpdir(), 'portal-bench-files-'));
  try {
    const user = await applicantWithOrganisation(api);
    const paths = Array.from({ length: FILES }, (_, index) => {
      const head = pdfBuffer(`bench ${index} ${randomBytes(8).toString('hex')}`);
      const path = join(folder, `begroting-${index}.pdf`);
      writeFileSync(path, Buffer.concat([head, randomBytes(MAX_ATTACHMENT_BYTES - head.length)]));
      return path;
    });
    const dossiers: string[] = [];
    for (let index = 0; index < FILES; index++) {
      const call = await createCall(api);
      const started = await user.agent
        .post(`/api/v1/calls/${call.id}/dossiers`)
        .send({ applicantId: user.applicantId });
      dossiers.push(started.body.id as string);
    }
    const uploaded: Array<{ dossierId: string; id: string }> = [];
    const upload = await measured(async () => {
      for (const [index, path] of paths.entries()) {
        const response = await user.agent
          .post(`/api/v1/dossiers/${dossiers[index]}/attachments`)
          .field('kind', 'BEGROTING')
          .attach('file', path); // superagent streams a path from disk
        if (response.status !== 201) throw new Error(`upload answered ${response.status}`);
        uploaded.push({ dossierId: dossiers[index], id: response.body.id as string });
      }
    });
    const download = await measured(async () => {
      for (const { dossierId, id } of uploaded) {
        const response = await user.agent
          .get(`/api/v1/dossiers/${dossierId}/attachments/${id}`)
          .buffer(true)
          .parse(countBytes);
        if (response.body !== MAX_ATTACHMENT_BYTES) throw new Error(`download gave ${String(response.body)} bytes`);
      }
    });
    console.log(`settings    ${FILES} files of ${mib(MAX_ATTACHMENT_BYTES)}, one request at a time`);
    console.log(
      table([
        ['phase', 'requests', 'per request', 'peak live heap+buffers', 'peak RSS (above start)'],
        ...[
          ['upload (40 staging rows, sniff, server-side copy)', upload],
          ['download (40 chunk reads, streamed)', download],
        ].map(([label, result]) => {
          const { peak, elapsed } = result as Awaited<ReturnType<typeof measured>>;
          return [label as string, String(FILES), ms(elapsed / FILES), mib(peak.heapAndBuffers), mib(peak.rss)];
        }),
      ]),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await api.close();
  }
});
