/**
 * Edits per section per person per hour (issue 10, item 6), for the audit log. The room registry reports
 * every stored edit (`onStored`, on the hot path of every keystroke), so the count is kept in memory — one
 * counter per (room, person) for the current hour, an increment per edit — and written as one entry per
 * (report, section or frame, person, hour) when:
 *
 * - the hour is over: noticed by the next edit of anyone, or by a timer just after each full hour;
 * - the server shuts down (after every room has been flushed);
 * - the report is deleted (its counts are history too, written before `report.deleted`).
 *
 * Not when a room unloads: the same person may come back within the hour, and the log refuses updates, so
 * an entry written then would split that hour in two. The price: a process killed outright loses the
 * counts of the current hour (the edits themselves are stored; only their tally is lost), and a restart
 * within an hour may write two entries for it, which a reader adds up.
 */
import type { FastifyBaseLogger } from 'fastify';
import { AuditAction } from '../../common/auditActions.js';
import { parseRoomName } from '../../common/rooms.js';
import type { AuditStore } from '../storage/auditStore.js';
import type { AuditRecord } from '../storage/reviewStore.js';

const HOUR_MS = 60 * 60 * 1000;

interface Count {
  room: string;
  userId: string;
  /** The start of the hour, in ms since the epoch. */
  hour: number;
  edits: number;
  /** The last edit, in ms. */
  last: number;
}

export interface EditTallyDeps {
  store: Pick<AuditStore, 'appendAudit'>;
  /** The clock; tests move it across hours. */
  now: () => Date;
  logger: FastifyBaseLogger;
}

/** The audit entry of one count; null for a room that is neither a section nor the frame. */
function entryOf(count: Count): AuditRecord | null {
  const name = parseRoomName(count.room);
  if (name === null || name.part.kind === 'review') return null;
  const common = { hour: new Date(count.hour).toISOString(), count: String(count.edits) };
  const detail = name.part.kind === 'section' ? { sectionId: name.part.sectionId, ...common } : common;
  const action = name.part.kind === 'section' ? AuditAction.sectionEdited : AuditAction.frameEdited;
  return { reportId: name.reportId, at: new Date(count.last).toISOString(), userId: count.userId, action, detail };
}

export class EditTally {
  private readonly counts = new Map<string, Count>();
  /** Entries taken out of `counts` and not yet written (a write failed: they are tried again). */
  private unwritten: AuditRecord[] = [];
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: EditTallyDeps) {}

  /** Counts one stored edit of `room` by `userId`. Returns at once; never throws. */
  note(room: string, userId: string): void {
    const now = this.deps.now().getTime();
    const hour = now - (now % HOUR_MS);
    const key = `${room}\u0000${userId}`;
    const count = this.counts.get(key);
    if (count !== undefined && count.hour === hour) {
      count.edits++;
      count.last = now;
      return;
    }
    this.counts.set(key, { room, userId, hour, edits: 1, last: now });
    // A new hour for this person and room: the hours that are over are written, theirs and everyone's.
    if (count !== undefined || this.hasPastHours(hour)) void this.flush((entry) => entry.hour < hour, count);
  }

  /** Writes the counts of hours that are over. */
  flushDue(): Promise<void> {
    const now = this.deps.now().getTime();
    return this.flush((count) => count.hour < now - (now % HOUR_MS));
  }

  /** Writes every count, whatever its hour (at shutdown). Rejects when the store refused. */
  async flushAll(): Promise<void> {
    await this.flush(() => true);
    if (this.unwritten.length > 0) await this.flush(() => false);
    if (this.unwritten.length > 0) throw new Error(`${this.unwritten.length} edit counts could not be written to the audit log`);
  }

  /** Writes the counts of one report (it is being deleted). */
  flushReport(reportId: string): Promise<void> {
    return this.flush((count) => count.room.startsWith(`${reportId}/`));
  }

  /** Writes the counts of past hours just after each full hour; returns the function that stops it. */
  start(): () => void {
    const arm = () => {
      const now = this.deps.now().getTime();
      // A second after the hour, so that the clock has surely passed it.
      const wait = Math.max(1_000, HOUR_MS - (now % HOUR_MS) + 1_000);
      this.timer = setTimeout(() => {
        void this.flushDue();
        arm();
      }, wait);
      this.timer.unref();
    };
    arm();
    return () => clearTimeout(this.timer);
  }

  private hasPastHours(hour: number): boolean {
    for (const count of this.counts.values()) if (count.hour < hour) return true;
    return false;
  }

  /**
   * Takes the counts `due` picks (and `replaced`, a count a new hour just took the place of) out of memory
   * and appends them, one write at a time; a failed write is logged and its entries kept for the next.
   */
  private flush(due: (count: Count) => boolean, replaced?: Count): Promise<void> {
    const taken: Count[] = replaced === undefined ? [] : [replaced];
    for (const [key, count] of this.counts) {
      if (count === replaced || !due(count)) continue;
      taken.push(count);
      this.counts.delete(key);
    }
    this.unwritten.push(...taken.map(entryOf).filter((entry): entry is AuditRecord => entry !== null));
    this.writing = this.writing.then(async () => {
      if (this.unwritten.length === 0) return;
      const batch = this.unwritten;
      this.unwritten = [];
      try {
        await this.deps.store.appendAudit(batch);
      } catch (error) {
        this.unwritten = [...batch, ...this.unwritten];
        this.deps.logger.error({ err: error, entries: batch.length }, 'could not write the edit counts to the audit log; kept for the next try');
      }
    });
    return this.writing;
  }
}
