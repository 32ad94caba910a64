/**
 * One {@link TaskQueue} per key (a report id): tasks of the same key run one at a time, in order; tasks of
 * different keys run freely. A key's queue is dropped once it has nothing left to run.
 *
 * With several instances (issue 11) a task also holds the store's lock of its key while it runs
 * (`exclusive`: PostgreSQL's advisory lock), so tasks of one report never overlap across instances either;
 * queueing here first means an instance waits on that lock with one connection per key at most.
 */
import { TaskQueue } from '../collab/taskQueue.js';

export class KeyedQueue {
  private readonly queues = new Map<string, { queue: TaskQueue; tasks: number }>();

  constructor(private readonly exclusive?: <T>(key: string, task: () => Promise<T>) => Promise<T>) {}

  /** Runs `task` after every task of `key` added before it; settles with it. */
  async run<T>(key: string, task: () => Promise<T> | T): Promise<T> {
    let entry = this.queues.get(key);
    if (!entry) {
      entry = { queue: new TaskQueue(), tasks: 0 };
      this.queues.set(key, entry);
    }
    entry.tasks++;
    try {
      const exclusive = this.exclusive;
      return await entry.queue.run(exclusive ? () => exclusive(key, async () => task()) : task);
    } finally {
      if (--entry.tasks === 0) this.queues.delete(key);
    }
  }

  /** How many keys have tasks queued or running. */
  get size(): number {
    return this.queues.size;
  }
}
