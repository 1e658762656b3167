/**
 * Login storm: `--logins` (50) people log in at the same moment, `--rounds` (3) times, while one other client keeps
 * asking GET `--probe` (/api/v1/calls) back to back. Prints p50/p95 of the logins and of the probe during the storms
 * (and when quiet, for comparison). See docs/benchmarks.md.
 *
 *   node -r ./test/bench/support/register.cjs test/bench/login-storm.ts [--logins 50] [--rounds 3] [--probe /api/v1/calls]
 */
// The API's process is this one: the thread pool is sized as main.ts sizes it, before anything uses it.
import '../../apps/api/src/thread-pool-size';
import { CSRF_COOKIE, CSRF_HEADER } from '@portal/contracts';
import { createUser } from '../support/factories';
import { DEMO_PASSWORD, startApi } from '../support/test-app';
import { flag, intFlag, ms, percentile, printLoad, runBench, sortedCopy, table } from './support/bench-run';
import { runLoad, type LoadRequest } from './support/http-load';
import { startProbe, type ProbeSample } from './support/probe';

const LOGINS = intFlag('logins', 50);
const ROUNDS = intFlag('rounds', 3);
const PROBE_PATH = flag('probe', '/api/v1/calls');

/** An anonymous browser's CSRF cookie and token, as the login page gets them. */
async function anonymousCsrf(baseUrl: string): Promise<{ cookie: string; token: string }> {
  const response = await fetch(`${baseUrl}/api/v1/auth/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(';', 1)[0])
    .find((value) => value.startsWith(`${CSRF_COOKIE}=`));
  if (!cookie) throw new Error('GET /auth/csrf set no CSRF cookie');
  return { cookie, token: csrfToken };
}

function summary(label: string, values: ArrayLike<number>): string[] {
  const sorted = sortedCopy(values);
  return [
    label,
    String(sorted.length),
    ms(percentile(sorted, 50)),
    ms(percentile(sorted, 95)),
    ms(sorted[sorted.length - 1] ?? NaN),
  ];
}

void runBench('login storm', async () => {
  const api = await startApi({ overrides: { LOG_LEVEL: 'warn' } });
  try {
    const address = api.app.getHttpServer().address() as { port: number };
    const baseUrl = `http://127.0.0.1:${address.port}`;
    console.log(
      `settings    ${LOGINS} concurrent logins x ${ROUNDS} rounds; probe GET ${PROBE_PATH}; ` +
        `PASSWORD_HASH_CONCURRENCY=${api.config.PASSWORD_HASH_CONCURRENCY}, UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE}`,
    );
    const emails = await Promise.all(Array.from({ length: LOGINS }, () => createUser(api)));
    const rounds: LoadRequest[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const requests: LoadRequest[] = [];
      for (const [index, email] of emails.entries()) {
        const { cookie, token } = await anonymousCsrf(baseUrl);
        requests.push({
          method: 'POST',
          path: '/api/v1/auth/login',
          // Each person from an address of their own (198.18.0.0/15 is reserved for benchmarks).
          headers: { cookie, [CSRF_HEADER]: token, 'x-forwarded-for': `198.18.${round}.${index + 1}` },
          body: JSON.stringify({ email, password: DEMO_PASSWORD }),
        });
      }
      rounds.push(requests);
    }

    const probe = await startProbe(baseUrl, PROBE_PATH);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const windows: Array<[number, number]> = [];
    const logins: number[] = [];
    const perRound: string[][] = [];
    let errors = 0;
    for (const [round, requests] of rounds.entries()) {
      const from = Date.now();
      const result = await runLoad({
        baseUrl,
        requests,
        concurrency: LOGINS,
        expectStatus: 200,
        expectField: 'csrfToken',
      });
      windows.push([from, Date.now()]);
      errors += result.errors;
      if (result.errors > 0)
        console.log(`round ${round + 1} errors: ${JSON.stringify(result.errorKinds)} ${result.errorSamples[0] ?? ''}`);
      logins.push(...result.latencies);
      perRound.push(summary(`logins, round ${round + 1}`, result.latencies));
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    const samples: ProbeSample[] = await probe.stop();
    const during = samples.filter((sample) =>
      windows.some(([from, to]) => sample.startedAt >= from && sample.startedAt < to),
    );
    const quiet = samples.filter((sample) => !during.includes(sample));
    const probeErrors = samples.filter((sample) => sample.status !== 200).length;

    console.log('');
    console.log(
      table([
        ['', 'n', 'p50', 'p95', 'max'],
        ...perRound,
        summary('logins, all rounds', logins),
        summary(
          `GET ${PROBE_PATH} during the storms`,
          during.map((sample) => sample.ms),
        ),
        summary(
          `GET ${PROBE_PATH} between them (quiet)`,
          quiet.map((sample) => sample.ms),
        ),
      ]),
    );
    console.log(`errors      logins ${errors}, probe ${probeErrors}`);
    printLoad('load avg');
    if (errors > 0 || probeErrors > 0) process.exitCode = 1;
  } finally {
    await api.close();
  }
});
