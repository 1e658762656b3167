import { PeriodicTask } from './periodic-task';

/** A task whose runs end only when the test says so. */
class ControlledTask extends PeriodicTask {
  runs = 0;
  private finishers: Array<() => void> = [];

  protected intervalMs(): number {
    return 1000;
  }

  protected runOnce(): Promise<void> {
    this.runs++;
    return new Promise((resolve) => this.finishers.push(resolve));
  }

  finishRun(): void {
    this.finishers.shift()?.();
  }
}

/** Lets promise callbacks run (fake timers do not touch the microtask queue). */
const settle = async () => {
  for (let turn = 0; turn < 5; turn++) await Promise.resolve();
};

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('never starts a run while one is in progress, and schedules the next only after it ended', async () => {
    const task = new ControlledTask();
    await task.onApplicationBootstrap();
    jest.advanceTimersByTime(1000);
    expect(task.runs).toBe(1);
    jest.advanceTimersByTime(10_000);
    void task.runNow();
    expect(task.runs).toBe(1);
    task.finishRun();
    await settle();
    jest.advanceTimersByTime(999);
    expect(task.runs).toBe(1);
    jest.advanceTimersByTime(1);
    expect(task.runs).toBe(2);
    task.finishRun();
    await settle();
    await task.onApplicationShutdown();
  });

  it('waits for the run in progress on shutdown and starts no other', async () => {
    const task = new ControlledTask();
    await task.onApplicationBootstrap();
    jest.advanceTimersByTime(1000);
    let stopped = false;
    const shutdown = task.onApplicationShutdown().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    task.finishRun();
    await shutdown;
    expect(stopped).toBe(true);
    jest.advanceTimersByTime(10_000);
    expect(task.runs).toBe(1);
  });

  it('keeps its schedule after a failed run', async () => {
    class FailingTask extends ControlledTask {
      protected override runOnce(): Promise<void> {
        this.runs++;
        return Promise.reject(new Error('database down'));
      }
    }
    const task = new FailingTask();
    jest.spyOn(task['logger'], 'warn').mockImplementation(() => undefined);
    await task.onApplicationBootstrap();
    jest.advanceTimersByTime(1000);
    await settle();
    jest.advanceTimersByTime(1000);
    await settle();
    expect(task.runs).toBe(2);
    await task.onApplicationShutdown();
  });
});
