/**
 * The append journal (issue 13): the rooms' newest updates, written into a memory-mapped file before they
 * are relayed, and folded into SQLite's `doc_updates` in batches (journaledAppends.ts).
 *
 * Why: a SQLite commit per keystroke was the whole of the product's extra CPU against a bare y-websocket
 * server (≈ 60–80 µs per edit on this 2-core VM: a WAL frame, locks, nine system calls). A record copied into
 * a shared mapping costs no system call, and is in the operating system's cache of the file as soon as it
 * is written: it survives the process being killed exactly as a WAL commit with synchronous=NORMAL does,
 * and like it may lose the last moments on a power cut. The file's disk space is allocated when it is
 * mapped, so a write never meets a full disk.
 *
 * Layout, little-endian. The file begins with a header: magic 'DSJ1', the generation (u32), 8 bytes spare.
 * Records follow one after another, each a 24-byte header — the length of what follows it (u32), the
 * generation it was written in (u32), the CRC-32 of everything after the CRC (u32), the room name's length
 * in bytes (u32), the update's sequence number (f64) — then the room's name in UTF-8 and the update. A
 * record counts when its generation is the file's and its CRC matches; the first that does not ends the
 * journal (a record cut short by a crash, or the leftovers of an earlier generation). Starting a new
 * generation voids every record at once, without clearing a byte.
 */
import { crc32 } from 'node:zlib';

const MAGIC = 0x314a5344; // 'DSJ1' read as a little-endian u32
export const FILE_HEADER_BYTES = 16;
export const RECORD_HEADER_BYTES = 24;
/** Where the CRC's span starts within a record: after the length, generation and CRC fields. */
const CHECKED_FROM = 12;

/** One update in the journal. */
export interface JournalRecord {
  room: string;
  seq: number;
  data: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The records of the journal's current generation in `bytes` (the whole file), in the order written. */
export function readJournal(bytes: Uint8Array): JournalRecord[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < FILE_HEADER_BYTES || view.getUint32(0, true) !== MAGIC) return [];
  const generation = view.getUint32(4, true);
  const records: JournalRecord[] = [];
  for (let at = FILE_HEADER_BYTES; at + RECORD_HEADER_BYTES <= bytes.byteLength; ) {
    const length = view.getUint32(at, true);
    const end = at + RECORD_HEADER_BYTES + length;
    const roomBytes = view.getUint32(at + 12, true);
    if (view.getUint32(at + 4, true) !== generation || end > bytes.byteLength || roomBytes > length) break;
    if (view.getUint32(at + 8, true) !== crc32(bytes.subarray(at + CHECKED_FROM, end))) break;
    const dataFrom = at + RECORD_HEADER_BYTES + roomBytes;
    let room: string;
    try {
      room = decoder.decode(bytes.subarray(at + RECORD_HEADER_BYTES, dataFrom));
    } catch {
      break;
    }
    records.push({ room, seq: view.getFloat64(at + 16, true), data: bytes.subarray(dataFrom, end) });
    at = end;
  }
  return records;
}

/** The generation `bytes` (a journal file) is in; 0 when it holds no journal yet. */
export function journalGeneration(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return bytes.byteLength >= FILE_HEADER_BYTES && view.getUint32(0, true) === MAGIC ? view.getUint32(4, true) : 0;
}

/** The generation after `generation` (never 0, which means "no journal yet"). */
export function nextGeneration(generation: number): number {
  return (generation + 1) >>> 0 || 1;
}

/** A file header for `generation`. */
export function journalHeader(generation: number): Uint8Array {
  const header = new Uint8Array(FILE_HEADER_BYTES);
  const view = new DataView(header.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, generation >>> 0, true);
  return header;
}

/** Writes records into a journal's bytes (the mapped file). One writer: the mapping's lock sees to that. */
export class AppendJournal {
  private readonly view: DataView;
  private generation: number;
  private end = FILE_HEADER_BYTES;

  /** Starts a new generation in `bytes`: whatever they held is void (read it with {@link readJournal} first). */
  constructor(private readonly bytes: Uint8Array) {
    if (bytes.byteLength < FILE_HEADER_BYTES + RECORD_HEADER_BYTES) throw new RangeError(`a journal of ${bytes.byteLength} bytes holds nothing`);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.generation = journalGeneration(bytes);
    this.reset();
  }

  /** Bytes written since the last reset, headers included. */
  get used(): number {
    return this.end;
  }

  /**
   * Writes one record and returns where its update's bytes are (a view into the journal, valid until the
   * next reset); null when it does not fit in what is left, and then nothing is written.
   */
  write(room: string, seq: number, data: Uint8Array): Uint8Array | null {
    const at = this.end;
    const nameFrom = at + RECORD_HEADER_BYTES;
    // At most three bytes of UTF-8 per UTF-16 unit: enough room for the name is known before encoding it.
    if (nameFrom + room.length * 3 + data.byteLength > this.bytes.byteLength) return null;
    const { written: roomBytes } = encoder.encodeInto(room, this.bytes.subarray(nameFrom, nameFrom + room.length * 3));
    const dataFrom = nameFrom + roomBytes;
    const end = dataFrom + data.byteLength;
    this.bytes.set(data, dataFrom);
    this.view.setUint32(at + 12, roomBytes, true);
    this.view.setFloat64(at + 16, seq, true);
    this.view.setUint32(at + 8, crc32(this.bytes.subarray(at + CHECKED_FROM, end)), true);
    this.view.setUint32(at + 4, this.generation, true);
    // The length last: a record is whole before anything points past it.
    this.view.setUint32(at, end - nameFrom, true);
    this.end = end;
    return this.bytes.subarray(dataFrom, end);
  }

  /** Voids every record written so far (they are folded into SQLite) and starts writing from the top. */
  reset(): void {
    this.generation = nextGeneration(this.generation);
    this.bytes.set(journalHeader(this.generation), 0);
    this.end = FILE_HEADER_BYTES;
  }
}
