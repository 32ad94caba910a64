/** How many Word files are built at once, how many may wait, and how large a report may be (issue 8). */
import { availableParallelism } from 'node:os';

export interface ExportOptions {
  /**
   * Worker threads building Word files at once. Each takes a core while it runs; the default leaves one
   * core to the event loop that relays edits (1 on a 2-core machine, at most 2).
   */
  threads: number;
  /** Exports that may wait for a thread beyond those running; one more is refused with 503 `export_busy`. */
  queue: number;
  /**
   * The largest report the export builds, in bytes of stored room state (snapshots and update logs of the
   * frame and every section); a larger one is refused with 413 `export_too_large`. The default is about 20
   * times a 100-page report. Building a file takes some 70 times its stored size in memory (measured: a
   * 3.3 MB section of 20,000 paragraphs needs a heap of about 250 MB), so this bounds what one export uses.
   */
  maxStoredBytes: number;
  /**
   * Heap limit of each worker thread, in MB (V8's old generation), sized for a report at the size limit
   * (7 MB in 50,000 paragraphs builds within 512 MB). A worker over it is stopped and its export alone
   * answers 500 `export_failed`; the server and other exports carry on.
   */
  workerHeapMb: number;
}

/** Threads for a machine with `cores` cores: all but one, between 1 and 2. */
export function defaultExportThreads(cores = availableParallelism()): number {
  return Math.max(1, Math.min(2, cores - 1));
}

export const MIB = 1024 * 1024;

export function defaultExportOptions(): ExportOptions {
  return { threads: defaultExportThreads(), queue: 8, maxStoredBytes: 8 * MIB, workerHeapMb: 512 };
}
