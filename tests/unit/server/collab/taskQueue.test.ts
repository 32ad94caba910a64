import { describe, expect, it } from 'vitest';
import { TaskQueue } from '../../../../server/collab/taskQueue.js';

/** A promise the test settles by hand, to control when a task finishes. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every already-queued promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('TaskQueue', () => {
  it('resolves each task with its own result, sync or async', async () => {
    const queue = new TaskQueue();
    await expect(queue.run(() => 1)).resolves.toBe(1);
    await expect(queue.run(async () => 'two')).resolves.toBe('two');
  });

  it('does not start a task until the one before it has finished', async () => {
    const queue = new TaskQueue();
    const log: string[] = [];
    const first = deferred();
    const one = queue.run(async () => {
      log.push('start 1');
      await first.promise;
      log.push('end 1');
    });
    const two = queue.run(() => log.push('start 2'));
    await settle();
    expect(log).toEqual(['start 1']);
    first.resolve();
    await Promise.all([one, two]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2']);
  });

  it('runs tasks strictly in the order they were added, even when earlier ones take longer', async () => {
    const queue = new TaskQueue();
    const order: number[] = [];
    const gates = Array.from({ length: 50 }, () => deferred());
    const results = gates.map((gate, index) =>
      queue.run(async () => {
        order.push(index);
        await gate.promise;
        return index;
      }),
    );
    // Open the gates backwards: a queue that did not wait would finish the last task first.
    for (const gate of [...gates].reverse()) gate.resolve();
    expect(await Promise.all(results)).toEqual(gates.map((_, index) => index));
    expect(order).toEqual(gates.map((_, index) => index));
  });

  it('starts the first task without waiting for anything else', async () => {
    const queue = new TaskQueue();
    let started = false;
    const gate = deferred();
    const task = queue.run(async () => {
      started = true;
      await gate.promise;
    });
    await settle();
    expect(started).toBe(true);
    gate.resolve();
    await task;
  });

  it('rejects the promise of a failing task with its error and still runs the next', async () => {
    const queue = new TaskQueue();
    const failing = queue.run(async () => {
      throw new Error('disk full');
    });
    const next = queue.run(() => 'saved');
    await expect(failing).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('saved');
  });

  it('treats a task that throws synchronously like one that rejects', async () => {
    const queue = new TaskQueue();
    const failing = queue.run(() => {
      throw new Error('bad input');
    });
    const next = queue.run(() => 42);
    await expect(failing).rejects.toThrow('bad input');
    await expect(next).resolves.toBe(42);
  });

  it('keeps the order around a failure', async () => {
    const queue = new TaskQueue();
    const log: string[] = [];
    const results = [
      queue.run(() => log.push('a')),
      queue.run(async () => {
        log.push('b');
        throw new Error('b failed');
      }),
      queue.run(() => log.push('c')),
    ];
    const settled = await Promise.allSettled(results);
    expect(log).toEqual(['a', 'b', 'c']);
    expect(settled.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('drains at once when nothing was added', async () => {
    await expect(new TaskQueue().drain()).resolves.toBeUndefined();
  });

  it('drains only once every task added so far has settled', async () => {
    const queue = new TaskQueue();
    const gates = [deferred(), deferred()];
    const done: number[] = [];
    gates.forEach((gate, index) =>
      queue.run(async () => {
        await gate.promise;
        done.push(index);
      }),
    );
    let drained = false;
    const drain = queue.drain().then(() => {
      drained = true;
    });
    gates[0]!.resolve();
    await settle();
    expect(drained).toBe(false);
    gates[1]!.resolve();
    await drain;
    expect(done).toEqual([0, 1]);
  });

  it('drains without rejecting when the last task failed', async () => {
    const queue = new TaskQueue();
    const failing = queue.run(async () => {
      throw new Error('lost');
    });
    await expect(queue.drain()).resolves.toBeUndefined();
    await expect(failing).rejects.toThrow('lost');
  });

  it('does not wait, when draining, for tasks added after the drain was asked for', async () => {
    const queue = new TaskQueue();
    await queue.run(() => undefined);
    const drain = queue.drain();
    const later = deferred();
    const task = queue.run(() => later.promise);
    await drain;
    later.resolve();
    await task;
  });

  it('keeps separate queues independent', async () => {
    const blocked = new TaskQueue();
    const free = new TaskQueue();
    const gate = deferred();
    const stuck = blocked.run(() => gate.promise);
    await expect(free.run(() => 'ran')).resolves.toBe('ran');
    gate.resolve();
    await stuck;
  });
});
