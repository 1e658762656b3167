import cluster, { type Worker } from 'node:cluster';

/** Replacements allowed within RESTART_WINDOW_MS before the supervisor gives up (and the container restarts). */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
/** How long a graceful stop may take before the remaining processes are killed. */
const STOP_GRACE_MS = 30_000;

function say(line: string): void {
  process.stdout.write(`API supervisor (pid ${process.pid}): ${line}\n`);
}

/**
 * The primary of an API with API_PROCESSES > 1 (ADR 0026): it serves nothing itself, it runs `count` API processes
 * that share the port (Node's cluster module hands each new connection to the next process). The first process starts
 * alone, so that it applies the migrations (under their lock) before the others check them. A process that exits
 * while the API runs is replaced, at most MAX_RESTARTS times a minute: beyond that something is wrong with the
 * process itself and the supervisor exits with 1, so the container's restart policy or the operator takes over.
 * SIGTERM or SIGINT stops every process gracefully (each closes its server and pools, ADR on shutdown hooks), then
 * the supervisor exits 0. Resolves when all `count` processes listen; rejects when the first one cannot start.
 */
export async function superviseApiProcesses(count: number, port: number): Promise<void> {
  let stopping = false;
  let exitCode = 0;
  const restarts: number[] = [];

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping ${Object.keys(cluster.workers ?? {}).length} API processes`);
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    if (workers.length === 0) process.exit(exitCode);
    for (const worker of workers) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of workers) if (!worker.isDead()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_GRACE_MS).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));

  const start = () =>
    new Promise<Worker>((listening, failed) => {
      const worker = cluster.fork();
      const onExit = (code: number | null, signal: string | null) =>
        failed(new Error(`an API process exited with ${signal ?? code} before it listened`));
      worker.once('exit', onExit);
      worker.once('listening', () => {
        worker.off('exit', onExit);
        worker.once('exit', (code, signal) => replace(worker, code, signal));
        listening(worker);
      });
    });

  const replace = (worker: Worker, code: number | null, signal: string | null) => {
    if (stopping) {
      if (Object.values(cluster.workers ?? {}).every((other) => other === undefined || other.isDead()))
        process.exit(exitCode);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts.length > 0 && restarts[0] < now - RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length > MAX_RESTARTS) {
      say(`API processes keep exiting (${restarts.length} in a minute); giving up`);
      exitCode = 1;
      stop('SIGTERM');
      return;
    }
    say(`API process ${worker.process.pid} exited with ${signal ?? code}; starting a replacement`);
    start().catch((error: unknown) => say(error instanceof Error ? error.message : String(error)));
  };

  await start();
  await Promise.all(Array.from({ length: count - 1 }, start));
  say(`${count} API processes listen on port ${port}`);
}
