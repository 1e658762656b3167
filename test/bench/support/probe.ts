import { Agent, request } from 'node:http';
import { forkRole, isRole } from './child';

export interface ProbeSample {
  /** Wall-clock start (Date.now()), comparable with the parent's clock. */
  startedAt: number;
  ms: number;
  status: number;
}

export interface Probe {
  /** Stops probing and answers every sample taken. */
  stop(): Promise<ProbeSample[]>;
}

/**
 * One client in a child process that sends GET `path` again as soon as the previous answer arrived, until stopped:
 * what a person browsing the portal sees while something else loads it.
 */
export function startProbe(baseUrl: string, path: string): Promise<Probe> {
  const child = forkRole(__filename, 'probe');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (ready: string) => {
      if (ready !== 'ready') return reject(new Error(`probe said ${ready}`));
      resolve({
        stop: () =>
          new Promise<ProbeSample[]>((done) => {
            child.once('message', (samples: ProbeSample[]) => done(samples));
            child.send('stop');
          }),
      });
    });
    child.send({ baseUrl, path });
  });
}

async function probe(baseUrl: string, path: string, stopped: () => boolean): Promise<ProbeSample[]> {
  const target = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const samples: ProbeSample[] = [];
  while (!stopped()) {
    const startedAt = Date.now();
    const began = performance.now();
    const status = await new Promise<number>((resolve) => {
      const outgoing = request({ agent, host: target.hostname, port: target.port, path, method: 'GET' }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      outgoing.on('error', () => resolve(0));
      outgoing.end();
    });
    samples.push({ startedAt, ms: performance.now() - began, status });
  }
  agent.destroy();
  return samples;
}

if (isRole('probe')) {
  let stop = false;
  process.on('message', (message: { baseUrl: string; path: string } | 'stop') => {
    if (message === 'stop') {
      stop = true;
      return;
    }
    process.send!('ready');
    void probe(message.baseUrl, message.path, () => stop).then((samples) =>
      process.send!(samples, () => process.exit(0)),
    );
  });
}
