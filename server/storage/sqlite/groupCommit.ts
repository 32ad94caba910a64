/**
 * Group commit for the rooms' appends (issue 13): every update appended during one turn of the event loop,
 * whatever its room, is written in one transaction when the turn's I/O has been handled (`setImmediate`), and
 * each append resolves only once that transaction has committed — so an update is still stored before
 * anyone is sent it, and a room's next update still waits for its previous one. A commit is most of an
 * append's cost (its WAL frames, locks and system calls); when the machine is busy and many editors' updates
 * arrive in one turn, they share it. Alone in its turn, an update waits only for the turn to end.
 */
import type { Database, Statement } from 'better-sqlite3';

interface Pending {
  room: string;
  data: Buffer;
  stored: (seq: number) => void;
  failed: (error: unknown) => void;
}

export class GroupCommit {
  private pending: Pending[] = [];
  private scheduled: NodeJS.Immediate | null = null;
  private readonly commit: (batch: readonly Pending[]) => number[];

  /** @param insert appends one update and returns its seq (`RETURNING seq`) */
  constructor(db: Database, insert: Statement<{ room: string; data: Buffer }, { seq: number }>) {
    this.commit = db.transaction((batch: readonly Pending[]) => batch.map(({ room, data }) => insert.get({ room, data })!.seq));
  }

  /** Appends `data` to `room`'s log in the turn's transaction; resolves to its seq once committed. */
  append(room: string, data: Buffer): Promise<number> {
    return new Promise((stored, failed) => {
      this.pending.push({ room, data, stored, failed });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits what is pending now (the end of the turn, or before the database closes). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    let seqs: number[];
    try {
      seqs = this.commit(batch);
    } catch (error) {
      // The transaction rolled back whole: none of them is stored; each room retries its own.
      for (const append of batch) append.failed(error);
      return;
    }
    batch.forEach((append, index) => append.stored(seqs[index]!));
  }
}
