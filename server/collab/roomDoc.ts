/**
 * A live room's document, which takes in its stored state on first use (issue 13, the cold join). Building
 * a large section from the store is most of what loading its room costs (≈ 30 of 58 ms of CPU for 300,000
 * characters in a process just started); a brand-new editor of a room loaded from a snapshot alone needs
 * none of it — it is answered with the stored snapshot as it is (syncAnswers.ts) — so the room is built
 * after that answer has gone, in the room's order, not before.
 */
import * as Y from 'yjs';
import type { StoredDocument } from '../storage/store.js';
import { applyStored } from '../storage/storedDocument.js';

export class RoomDoc {
  /** The document before its stored state is in: its client id and events are already the room's. */
  readonly shell = new Y.Doc();
  private stored: StoredDocument | null;
  /** Why the stored state could not be applied: the document is then unusable (the room fails). */
  private broken: unknown = null;

  constructor(stored: StoredDocument) {
    this.stored = stored;
  }

  /** Whether the stored state is in the document yet. */
  get built(): boolean {
    return this.stored === null;
  }

  /** The stored state as one update, when the store held exactly that (a snapshot and no log); else null. */
  get wholeState(): Uint8Array | null {
    const stored = this.stored;
    return stored !== null && stored.updates.length === 0 ? stored.snapshot : null;
  }

  /** The document with the stored state in it, applied on the first call; throws if it could not be. */
  get(): Y.Doc {
    if (this.broken !== null) throw this.broken;
    const stored = this.stored;
    if (stored !== null) {
      this.stored = null;
      try {
        applyStored(this.shell, stored);
      } catch (error) {
        this.broken = error;
        throw error;
      }
    }
    return this.shell;
  }
}
