/**
 * Runs async tasks one at a time, in the order they were added. A room runs every message through one,
 * so an update is stored before any later message of the room is answered or relayed.
 */
export class TaskQueue {
  private tail: Promise<void> = Promise.resolve();

  /** Adds a task; the returned promise settles with it. A failed task does not stop the next. */
  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Resolves when every task added so far has settled. */
  drain(): Promise<void> {
    return this.tail;
  }
}
