/**
 * One {@link TaskQueue} per key (a report id): tasks of the same key run one at a time, in order; tasks of
 * different keys run freely. A key's queue is dropped once it has nothing left to run.
 */
import { TaskQueue } from '../collab/taskQueue.js';

export class KeyedQueue {
  private readonly queues = new Map<string, { queue: TaskQueue; tasks: number }>();

  /** Runs `task` after every task of `key` added before it; settles with it. */
  async run<T>(key: string, task: () => Promise<T> | T): Promise<T> {
    let entry = this.queues.get(key);
    if (!entry) {
      entry = { queue: new TaskQueue(), tasks: 0 };
      this.queues.set(key, entry);
    }
    entry.tasks++;
    try {
      return await entry.queue.run(task);
    } finally {
      if (--entry.tasks === 0) this.queues.delete(key);
    }
  }

  /** How many keys have tasks queued or running. */
  get size(): number {
    return this.queues.size;
  }
}
