/**
 * The entry of an export worker thread (piscina loads it): runs one {@link ExportTask} and hands the Word
 * file back by transfer. Compiled to `dist/server/exportWorker.js` beside the server (scripts/buildServer.mjs).
 */
import { getPriority, setPriority } from 'node:os';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { runExportTask, type ExportFile, type ExportTask } from './exportTask.js';

/**
 * How much nicer than the server this thread runs (Linux keeps a nice value per thread): when the machine is
 * busy, the event loop that relays edits gets a core before a Word file does (issue 8: relay p99 < 50 ms
 * during exports). Piscina's own `niceIncrement` needs an optional native package; `os` does the same.
 */
const NICE_INCREMENT = 10;

try {
  setPriority(Math.min(19, getPriority() + NICE_INCREMENT));
} catch {
  // Not allowed here (or not Linux): the worker runs at the server's priority.
}

export default async function exportWorker(task: ExportTask): Promise<ExportFile> {
  const file = await runExportTask(task);
  // piscina's protocol for a value that carries transferables: the .docx's buffer moves, nothing is copied.
  return move({ [transferableSymbol]: [file.docx.buffer], [valueSymbol]: file }) as unknown as ExportFile;
}
