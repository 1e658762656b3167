import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * The worker's one scheduling mechanism for periodic work (outbox relay, reminders, retention, heartbeat).
 * - No overlap: the next run is scheduled only when the previous one has finished (a slow pass delays the next one
 *   instead of running beside it), and `runNow` joins a run in progress instead of starting a second one.
 * - Clean shutdown: on shutdown no new run starts and the one in progress is awaited, so the process never exits with
 *   a transaction half done.
 * - A failed run is logged and the schedule goes on: the next run retries.
 * Several workers may run the same task at once; each task keeps itself correct across processes (SKIP LOCKED,
 * idempotent statements, unique keys), which is why this is a plain timer and not a distributed lock.
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  /** Milliseconds between the end of one run and the start of the next. */
  protected abstract intervalMs(): number;
  /** One run; the tasks' own public methods (relayOnce, scanOnce, purgeOnce) stay callable from tests. */
  protected abstract runOnce(): Promise<unknown>;

  /** The delay before the first run; the interval unless a task says otherwise. */
  protected firstDelayMs(): number {
    return this.intervalMs();
  }

  protected describeFailure(error: Error): string {
    return `${this.constructor.name} run failed: ${error.message}`;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Work to finish before the worker reports itself started (none by default). */
  protected async beforeSchedule(): Promise<void> {}

  async onApplicationBootstrap(): Promise<void> {
    await this.beforeSchedule();
    this.schedule(this.firstDelayMs());
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Runs the task now, or waits for the run in progress; never two runs at once in this process. */
  runNow(): Promise<void> {
    this.running ??= this.runOnce()
      .then(
        () => undefined,
        (error: unknown) =>
          this.logger.warn(this.describeFailure(error instanceof Error ? error : new Error(String(error)))),
      )
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runNow().finally(() => this.schedule(this.intervalMs()));
    }, delay);
  }
}
