/**
 * The write gate of a room: nothing of the person's own reaches the server while the room is read-only.
 * The server closes a read-only connection that sends a change (4403) and drops it, so a change sent too
 * early would be lost, not merely refused.
 *
 * Two ways out are gated. Local updates, which y-websocket sends from its own 'update' handler, are held
 * back. And the answer to the server's sync step 1 — a sync step 2 that normally carries everything the
 * server lacks, including edits typed offline or loaded from the browser copy — is sent empty: a reader
 * has nothing to give. What was held back is sent, as one update, when the room becomes writable; updates
 * build on each other, so what comes later could not be applied without it.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { messageSync, type WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** An update with no structs and an empty delete set (Yjs v1 encoding): "I have nothing for you". */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

type SyncHandler = WebsocketProvider['messageHandlers'][number];

/** Options of {@link gateWrites}. */
export interface WriteGateOptions {
  /** True for the origins of the person's own changes (not the server's, not a browser copy loading). */
  isLocalChange(origin: unknown): boolean;
  /** Called after what was held back has been sent, so the save tracker can ask the server to confirm it. */
  onReleased(): void;
}

/** The gate of one room. */
export interface WriteGate {
  /** Whether local changes go to the server. */
  readonly writable: boolean;
  /** Lets local changes through (first those held back), or holds them back. */
  setWritable(writable: boolean): void;
  /** Gives the provider its own sync handler back. */
  destroy(): void;
}

/** Puts a gate between `provider`'s document and its socket; the room starts read-only. */
export function gateWrites(provider: WebsocketProvider, options: WriteGateOptions): WriteGate {
  const { doc } = provider;
  let writable = false;
  /** Whether something the server may lack was kept from it: a local update, or a full step 2 answer. */
  let heldBack = false;
  /** The server's state vector, from its last sync step 1: what it had then. */
  let serverState: Uint8Array | undefined;

  const send = provider._updateHandler;
  doc.off('update', send);
  const onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (!options.isLocalChange(origin)) return;
    if (writable) send(update, origin);
    else heldBack = true;
  };
  doc.on('update', onUpdate);

  const original = provider.messageHandlers[messageSync];
  if (original === undefined) throw new Error('gateWrites: the provider has no sync handler');
  const handleSync: SyncHandler = (encoder, decoder, target, emitSynced, messageType) => {
    if (decoding.peekVarUint(decoder) !== syncProtocol.messageYjsSyncStep1) {
      original(encoder, decoder, target, emitSynced, messageType);
      return;
    }
    const peek = decoding.clone(decoder);
    decoding.readVarUint(peek);
    serverState = decoding.readVarUint8Array(peek);
    if (writable) {
      original(encoder, decoder, target, emitSynced, messageType);
      return;
    }
    decoding.readVarUint(decoder);
    decoding.readVarUint8Array(decoder);
    encoding.writeVarUint(encoder, messageSync);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, EMPTY_UPDATE);
    heldBack = true;
  };
  provider.messageHandlers[messageSync] = handleSync;

  return {
    get writable() {
      return writable;
    },
    setWritable(next) {
      writable = next;
      if (!writable || !heldBack) return;
      heldBack = false;
      // Not connected: the answer to the next connection's step 1 carries everything.
      if (!provider.wsconnected) return;
      // What the server lacks since its last step 1 (the delete set goes whole): it keeps what it has.
      send(Y.encodeStateAsUpdate(doc, serverState), null);
      options.onReleased();
    },
    destroy() {
      doc.off('update', onUpdate);
      if (provider.messageHandlers[messageSync] === handleSync) provider.messageHandlers[messageSync] = original;
    },
  };
}
