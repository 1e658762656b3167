import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { forkRole, isRole } from './child';

export interface LoadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  /** e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  requests: LoadRequest[];
  /** Parallel connections (keep-alive), each sending its next request as soon as the previous one answered. */
  concurrency: number;
  /** A response counts as an error unless it has this status and, when given, its JSON body has this string field. */
  expectStatus: number;
  expectField?: string;
}

export interface LoadResult {
  durationMs: number;
  /** Per request, in request order: milliseconds from sending to the last byte of the answer. */
  latencies: Float64Array;
  ok: number;
  errors: number;
  /** Status (or network error) -> count, for every answer that was not ok. */
  errorKinds: Record<string, number>;
  /** A few error answers, for the report. */
  errorSamples: string[];
  /** CPU milliseconds the load generator's own process spent (user + system) while it ran the load. */
  cpuMs: number;
}

/** Runs the load in a child process: a closed loop of `concurrency` connections over all requests, once each. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = forkRole(__filename, 'http-load');
    child.once('message', (result: LoadResult) => resolve(result));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
    });
    child.send(options);
  });
}

async function generate(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency, maxFreeSockets: options.concurrency });
  const { requests } = options;
  const latencies = new Float64Array(requests.length);
  const errorKinds: Record<string, number> = {};
  const errorSamples: string[] = [];
  let next = 0;
  let ok = 0;
  let errors = 0;

  const fail = (kind: string, sample: string) => {
    errors += 1;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    if (errorSamples.length < 5) errorSamples.push(sample.slice(0, 300));
  };

  const send = (item: LoadRequest) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: item.method,
          path: item.path,
          headers: item.body
            ? { ...item.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(item.body) }
            : { ...item.headers, 'content-length': 0 },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(item.body);
    });

  const connection = async () => {
    for (;;) {
      const index = next++;
      if (index >= requests.length) return;
      const started = performance.now();
      try {
        const { status, body } = await send(requests[index]);
        latencies[index] = performance.now() - started;
        let good = status === options.expectStatus;
        if (good && options.expectField) {
          try {
            good = typeof (JSON.parse(body) as Record<string, unknown>)[options.expectField] === 'string';
          } catch {
            good = false;
          }
        }
        if (good) ok += 1;
        else fail(String(status), `${status} ${body}`);
      } catch (error) {
        latencies[index] = performance.now() - started;
        const message = error instanceof Error ? error.message : String(error);
        fail('network', message);
      }
    }
  };

  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(Array.from({ length: options.concurrency }, connection));
  const durationMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  agent.destroy();
  return { durationMs, latencies, ok, errors, errorKinds, errorSamples, cpuMs: (cpu.user + cpu.system) / 1000 };
}

if (isRole('http-load')) {
  process.once('message', (options: LoadOptions) => {
    generate(options).then(
      (result) => process.send!(result, () => process.exit(0)),
      (error: unknown) => {
        process.stderr.write(`load generator failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  });
}
