/**
 * A live room's document, which takes in its stored state on first use (issue 13, the cold join). Building
 * a large section from the store is most of what loading its room costs (≈ 30 of 58 ms of CPU for 300,000
 * characters in a process just started); a brand-new editor needs none of it — it is answered with the
 * stored bytes (syncAnswers.ts) — so the room is built after that answer has gone, in the room's order.
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

  /**
   * The stored state as the store holds it — the snapshot, then the log's updates in order — while the
   * document is not built yet and the store held something; null otherwise.
   */
  get storedParts(): readonly Uint8Array[] | null {
    const stored = this.stored;
    if (stored === null) return null;
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    return parts.length > 0 ? parts : null;
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
