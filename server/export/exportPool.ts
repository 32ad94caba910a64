/**
 * The bounded pool of worker threads that build Word files (issue 8: one export stalled every room). At most
 * `threads` exports run and `queue` wait; beyond that the caller is told at once (503) rather than piling
 * up memory. A worker that dies — over its heap limit or otherwise — fails its own export only; piscina
 * starts a fresh one for the next.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { exportBusy } from '../errors.js';
import type { ExportOptions } from './exportOptions.js';
import type { ExportFile, ExportTask } from './exportTask.js';

/** A worker idle this long exits, giving back the memory a large export left in its heap. */
const IDLE_TIMEOUT_MS = 60_000;

/**
 * The worker's file: `exportWorker.ts` beside this file in the source tree, `exportWorker.js` beside the
 * compiled server (dist/server/main.js), where this code is bundled.
 */
export function defaultWorkerFile(): string {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return fileURLToPath(new URL(`./exportWorker${extension}`, import.meta.url));
}

/** Node flags of a worker: a TypeScript worker (tests, `tsx server/main.ts`) is loaded through tsx. */
function workerExecArgv(file: string): string[] | undefined {
  if (!file.endsWith('.ts')) return undefined; // the compiled worker: the server's own flags
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return ['--import', tsx];
}

/** The pool's settings, as {@link ExportOptions} gives them. */
type PoolOptions = Pick<ExportOptions, 'threads' | 'queue' | 'workerHeapMb'>;

export class ExportPool {
  private pool: Piscina<ExportTask, ExportFile>;
  /** Pools replaced after a worker failed outside any export, with that failure. */
  private readonly broken = new WeakMap<Piscina, unknown>();
  /** Exports admitted and not finished: reading, waiting or running. */
  private admitted = 0;
  private readonly capacity: number;

  /**
   * @param onError told of a worker that failed outside any export (most often: it could not start).
   * @param workerFile the worker's entry; throws at once when it does not exist (a build without it).
   */
  constructor(
    private readonly options: PoolOptions,
    private readonly onError: (error: unknown) => void,
    private readonly workerFile = defaultWorkerFile(),
  ) {
    if (!existsSync(workerFile)) throw new Error(`the export worker ${workerFile} does not exist (run "npm run build")`);
    this.capacity = options.threads + options.queue;
    this.pool = this.startPool();
  }

  private startPool(): Piscina<ExportTask, ExportFile> {
    const pool = new Piscina<ExportTask, ExportFile>({
      filename: this.workerFile,
      execArgv: workerExecArgv(this.workerFile),
      // Threads start with the first export, not with the server (most servers, and tests, never export).
      minThreads: 0,
      maxThreads: this.options.threads,
      // The bound is `admitted` below, counted before the store is read; piscina's own queue never fills.
      idleTimeout: IDLE_TIMEOUT_MS,
      // First come, first served: by default piscina puts a task it could not hand out at the tail again.
      stricterFIFO: true,
      resourceLimits: { maxOldGenerationSizeMb: this.options.workerHeapMb },
    });
    // Without a listener piscina's 'error' would be thrown, taking the whole server down. A worker that
    // could not start leaves the exports waiting for it queued for good: fail them by replacing the pool.
    pool.on('error', (error: unknown) => {
      this.onError(error);
      if (this.pool !== pool) return;
      this.broken.set(pool, error);
      this.pool = this.startPool();
      pool.destroy().catch(this.onError);
    });
    return pool;
  }

  /**
   * Builds one export: takes a place (or throws 503 `export_busy` when every thread and queue place is
   * taken), calls `prepare` for the task (reading the store; whatever it throws, e.g. 413, passes through),
   * then runs the task on a worker. A worker's failure rejects with its error.
   */
  async build(prepare: () => Promise<ExportTask>): Promise<ExportFile> {
    if (this.admitted >= this.capacity) throw exportBusy();
    this.admitted += 1;
    try {
      const task = await prepare();
      const pool = this.pool;
      try {
        return await pool.run(task, { transferList: [task.rooms.bytes] });
      } catch (error) {
        // A pool replaced under it: the worker's own failure says more than piscina's "pool is closed".
        throw this.broken.has(pool) ? this.broken.get(pool) : error;
      }
    } finally {
      this.admitted -= 1;
    }
  }

  /** Stops the workers (an export still running fails). */
  close(): Promise<void> {
    return this.pool.destroy();
  }
}
