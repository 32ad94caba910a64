import { describe, expect, it } from 'vitest';
import { KeyedQueue } from '../../../../server/review/keyedQueue.js';

/** A promise and the function that settles it, so a test decides when a task finishes. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('KeyedQueue', () => {
  it('runs the tasks of one key one at a time, in order, and those of other keys meanwhile', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    const first = gate();
    const a1 = queue.run('r1', async () => {
      events.push('a1 start');
      await first.opened;
      events.push('a1 end');
    });
    const a2 = queue.run('r1', () => void events.push('a2'));
    const b1 = queue.run('r2', () => void events.push('b1'));
    await b1;
    expect(events).toEqual(['a1 start', 'b1']);
    first.open();
    await Promise.all([a1, a2]);
    expect(events).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
  });

  it('goes on after a failed task, settles each with its own result, and forgets idle keys', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('r1', () => Promise.reject(new Error('hỏng')));
    const next = queue.run('r1', () => 42);
    await expect(failed).rejects.toThrow('hỏng');
    await expect(next).resolves.toBe(42);
    expect(queue.size).toBe(0);
  });
});
