import { Batcher } from './batcher';

describe('Batcher', () => {
  it('runs the calls of one turn as one batch and answers each in order', async () => {
    const batches: number[][] = [];
    const batcher = new Batcher<number, string>(async (inputs) => {
      batches.push(inputs);
      return inputs.map((input) => `#${input}`);
    });
    const answers = await Promise.all([1, 2, 3].map((input) => batcher.call(input)));
    expect(answers).toEqual(['#1', '#2', '#3']);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('groups the calls made while a batch runs into the next one', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    const batcher = new Batcher<number, number>(async (inputs) => {
      batches.push(inputs);
      if (batches.length === 1) await first;
      return inputs;
    });
    const early = batcher.call(1);
    await new Promise((resolve) => setImmediate(resolve));
    const late = [batcher.call(2), batcher.call(3)];
    release();
    expect(await Promise.all([early, ...late])).toEqual([1, 2, 3]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('respects the largest batch', async () => {
    const sizes: number[] = [];
    const batcher = new Batcher<number, number>(async (inputs) => {
      sizes.push(inputs.length);
      return inputs;
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((input) => batcher.call(input)));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('fails every call of a failed batch, and keeps serving later calls', async () => {
    let fail = true;
    const batcher = new Batcher<number, number>(async (inputs) => {
      if (fail) throw new Error('database down');
      return inputs;
    });
    const failed = await Promise.allSettled([batcher.call(1), batcher.call(2)]);
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await batcher.call(3)).toBe(3);
  });

  it('refuses an answer of the wrong length instead of mixing up callers', async () => {
    const batcher = new Batcher<number, number>(async () => [1]);
    await expect(Promise.all([batcher.call(1), batcher.call(2)])).rejects.toThrow('batch of 2 answered 1');
  });
});
