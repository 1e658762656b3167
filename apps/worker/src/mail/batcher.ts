/**
 * Turns many single calls into few batched ones, the way a database groups commits: the first call waits for the end
 * of the current turn of the event loop, then its batch runs; calls made while a batch runs wait for it and go
 * together in the next. With N mail jobs in parallel one query serves up to N of them, and a lone call waits no longer
 * than one turn. `run` answers per input, in input order; when it throws, every call of that batch fails with it.
 */
export class Batcher<Input, Output> {
  private queued: Array<{ input: Input; resolve: (output: Output) => void; reject: (error: unknown) => void }> = [];
  private busy = false;

  constructor(
    private readonly run: (inputs: Input[]) => Promise<Output[]>,
    private readonly maxBatch = 500,
  ) {}

  call(input: Input): Promise<Output> {
    return new Promise<Output>((resolve, reject) => {
      this.queued.push({ input, resolve, reject });
      if (!this.busy) {
        this.busy = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queued.length > 0) {
      const batch = this.queued.splice(0, this.maxBatch);
      try {
        const outputs = await this.run(batch.map((entry) => entry.input));
        if (outputs.length !== batch.length) throw new Error(`batch of ${batch.length} answered ${outputs.length}`);
        batch.forEach((entry, index) => entry.resolve(outputs[index]));
      } catch (error) {
        batch.forEach((entry) => entry.reject(error));
      }
    }
    this.busy = false;
  }
}
