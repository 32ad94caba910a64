/**
 * The rooms' appends through the append journal (appendJournal.ts; issue 13): an update is numbered here,
 * copied into the mapped journal — stored, as far as a killed process goes, once that copy is made — and
 * resolved at once; the journal is folded into `doc_updates`, in one transaction, {@link FOLD_AFTER_MS} after
 * its first record, when it is full, and before anything reads or deletes a room's log (documents.ts and
 * housekeeping.ts call {@link JournaledAppends.flush} first), so every read sees every update resolved.
 *
 * One writer per file: the numbers are this object's own (a room's last, remembered, else read from the
 * database), so a second writer on the file would be wrong — the journal's lock refuses one, and the server
 * opens its store journaled only while it holds the data directory (dataDirLock.ts).
 *
 * A fold that fails (the disk full, the file locked) leaves its records in the journal, still durable,
 * and is tried again on the next fold; while it keeps failing, reads fail (a room does not load without
 * its newest updates) and, once the journal is full, appends fail, as they would without the journal.
 */
import type { AppendJournal } from './appendJournal.js';
import type { NumberedAppend, UpdateLog } from './updateLog.js';

/** How long an update may wait in the journal before it is folded into SQLite (with those written meanwhile). */
export const FOLD_AFTER_MS = 200;
/** Rooms whose last number is remembered; beyond this many the memory is cleared at a fold. */
const REMEMBERED_ROOMS = 10_000;

export class JournaledAppends {
  /** The records written since the last fold, each update a view into the journal. */
  private pending: NumberedAppend[] = [];
  /** Each room's last number handed out; the truth for this writer (the database's may lag until a fold). */
  private readonly lastSeqs = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly journal: AppendJournal,
    private readonly log: Pick<UpdateLog, 'lastSeq' | 'insertNumbered' | 'appendOne'>,
  ) {}

  /** Appends `data` to `room`'s log; resolves to its seq once it is in the journal (or, too big for it, in SQLite). */
  append(room: string, data: Uint8Array): Promise<number> {
    try {
      return Promise.resolve(this.appendNow(room, data));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Folds every record of the journal into SQLite and empties it; throws when the transaction fails. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    try {
      this.log.insertNumbered(this.pending);
    } catch (error) {
      this.scheduleFold();
      throw error;
    }
    this.pending = [];
    this.journal.reset();
    if (this.lastSeqs.size > REMEMBERED_ROOMS) this.lastSeqs.clear();
  }

  private appendNow(room: string, data: Uint8Array): number {
    const seq = (this.lastSeqs.get(room) ?? this.log.lastSeq(room)) + 1;
    let written = this.journal.write(room, seq, data);
    if (written === null) {
      this.flush();
      written = this.journal.write(room, seq, data);
    }
    if (written === null) {
      // Bigger than the whole journal: straight into SQLite, after everything before it.
      const stored = this.log.appendOne(room, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      this.lastSeqs.set(room, stored);
      return stored;
    }
    this.pending.push({ room, seq, data: written });
    this.lastSeqs.set(room, seq);
    this.scheduleFold();
    return seq;
  }

  private scheduleFold(): void {
    // Unreferenced: a process may exit with records in the journal; the next open replays them.
    this.timer ??= setTimeout(() => {
      this.timer = null;
      try {
        this.flush();
      } catch {
        // Kept in the journal and tried again (flush re-arms the timer); a read meanwhile reports the error.
      }
    }, FOLD_AFTER_MS).unref();
  }
}
