/**
 * One export as an export worker runs it: plain data in (the report, its rooms' stored bytes, the award
 * catalogue, the review's open notes when asked for), the Word file out. Everything costly — rebuilding the
 * Yjs documents, resolving the notes' anchors, the blocks, docx's Packer — happens here, off the event loop
 * that relays edits.
 */
import type { AwardCatalogue } from '../../common/awards.js';
import type { ReportGuidance } from '../../common/guidance.js';
import type { Report } from '../../common/report.js';
import { buildDocx } from './buildDocx.js';
import { contentDisposition } from './fileName.js';
import { inputFromRooms } from './loadReport.js';
import { unpackRooms, type PackedRooms } from './packedRooms.js';
import type { ReviewNote } from './reviewNotes.js';

export interface ExportTask {
  report: Report;
  /** The rooms' stored bytes; `rooms.bytes` is transferred to the worker. */
  rooms: PackedRooms;
  /** The award catalogue, for the names in tally tables and their prose. */
  catalogue: AwardCatalogue;
  /** When the export was asked for (ms since the epoch): the year of a date still blank. */
  requestedAt: number;
  /** The review's open notes, to print as Word comments (`?comments=1`); absent: the file has none. */
  notes?: ReviewNote[];
  /** The template's guidance: what a report made before it became a placeholder still holds as text is left out. */
  guidance?: ReportGuidance;
}

export interface ExportFile {
  /** The .docx; its buffer is its own, so it is transferred back, not copied. */
  docx: Uint8Array;
  /** The `Content-Disposition` header that names the file (it is named after the frame, read here). */
  disposition: string;
}

/** `bytes` in a buffer of its own: a view into a shared or pooled buffer cannot be transferred. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? bytes : new Uint8Array(bytes);
}

/** Builds the Word file of one export. */
export async function runExportTask(task: ExportTask): Promise<ExportFile> {
  const input = inputFromRooms(task.report, unpackRooms(task.rooms), new Date(task.requestedAt), task.notes ?? null, task.guidance ?? null);
  const docx = await buildDocx(input, task.catalogue);
  return { docx: ownBuffer(docx), disposition: contentDisposition(input.frame) };
}
