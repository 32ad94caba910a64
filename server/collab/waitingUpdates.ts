/**
 * Updates that wait for content the room does not have yet (see updateCheck.ts), per connection, merged
 * and bounded. They sit outside the room's document — never relayed, stored or served to a newcomer —
 * until what they need has arrived, from the same connection or another; a connection that leaves or
 * loses the right to write takes its waiting updates with it (they were never acknowledged).
 */
import * as Y from 'yjs';
import { CloseCode } from '../../common/closeCodes.js';
import type { Connection } from './connection.js';
import { checkUpdate, outlineOf } from './updateCheck.js';

/**
 * What to do with a writer's update: apply it (with what it had waiting: then `update` is that merge, not
 * the bytes received), let it wait, or refuse it. `fresh`: all it holds is new to the room (updateCheck.ts).
 */
export type Intake =
  | { kind: 'apply'; update: Uint8Array; fresh: boolean }
  | { kind: 'wait' }
  | { kind: 'refuse'; code: number; reason: string };

const WAIT: Intake = { kind: 'wait' };

export class WaitingUpdates {
  private readonly waiting = new Map<Connection, Uint8Array>();

  /** @param maxBytes the most a connection may have waiting; more is refused with 4413. */
  constructor(private readonly maxBytes: number) {}

  /** How many connections have an update waiting. */
  get size(): number {
    return this.waiting.size;
  }

  /** Judges `update` from `connection` against `doc`, together with what the connection had waiting. */
  take(doc: Y.Doc, connection: Connection, update: Uint8Array): Intake {
    const earlier = this.waiting.get(connection);
    this.waiting.delete(connection);
    let candidate = update;
    if (earlier) {
      try {
        if (!outlineOf(update)) throw new Error('the update does not decode');
        candidate = Y.mergeUpdates([earlier, update]);
      } catch {
        return { kind: 'refuse', code: CloseCode.malformed, reason: 'the update does not decode' };
      }
    }
    const verdict = checkUpdate(doc, candidate);
    switch (verdict.kind) {
      case 'ok':
        return { kind: 'apply', update: candidate, fresh: verdict.fresh };
      case 'malformed':
        return { kind: 'refuse', code: CloseCode.malformed, reason: verdict.reason };
      case 'incomplete':
        if (candidate.byteLength > this.maxBytes) {
          return { kind: 'refuse', code: CloseCode.tooLarge, reason: 'too much waiting for content the room does not have' };
        }
        // A connection that is gone sends no more: what it had waiting is dropped.
        if (connection.state !== 'closed') this.waiting.set(connection, candidate);
        return WAIT;
    }
  }

  /** Takes out the waiting updates of writers that `doc` now has everything for. */
  takeReady(doc: Y.Doc): Array<[Connection, Uint8Array]> {
    const ready: Array<[Connection, Uint8Array]> = [];
    for (const [connection, update] of this.waiting) {
      if (connection.access !== 'write') this.waiting.delete(connection);
      else if (checkUpdate(doc, update).kind === 'ok') {
        this.waiting.delete(connection);
        ready.push([connection, update]);
      }
    }
    return ready;
  }

  /** Forgets what a connection had waiting (it left, or may no longer write). */
  drop(connection: Connection): void {
    this.waiting.delete(connection);
  }

  clear(): void {
    this.waiting.clear();
  }
}
