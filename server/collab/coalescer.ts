/**
 * Runs a connection's requests of one kind at most once per interval; requests that come sooner are
 * folded into one that runs when the interval is over, with the latest arguments (latest wins). Used for
 * what a client may repeat at will but only its latest instance matters: sync requests and presence
 * (issue 8: 200 sync requests on a 1 MB room made the server send 86 MB and stalled another room).
 */
export class Coalescer<T> {
  private lastRunAt = -Infinity;
  private deferred: { value: T } | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    /** The least time between two runs, in ms. */
    private readonly intervalMs: number,
    private readonly run: (value: T) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Runs `value` now if the interval has passed, else once it has (replacing any value waiting). */
  offer(value: T): void {
    const wait = this.lastRunAt + this.intervalMs - this.now();
    if (wait <= 0 && this.timer === null) {
      this.fire(value);
      return;
    }
    this.deferred = { value };
    this.timer ??= setTimeout(() => this.flush(), Math.max(0, wait));
  }

  /** Drops what is waiting; nothing runs any more until the next offer. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.deferred = null;
  }

  private flush(): void {
    this.timer = null;
    const deferred = this.deferred;
    this.deferred = null;
    if (deferred) this.fire(deferred.value);
  }

  private fire(value: T): void {
    this.lastRunAt = this.now();
    this.run(value);
  }
}
