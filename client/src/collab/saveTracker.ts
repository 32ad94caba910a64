/**
 * Knows whether the server holds this room's local edits, so "saved" on the page is a fact, not a hope.
 *
 * y-websocket sends each local update at once but the protocol has no acknowledgement. The server handles
 * a room's messages in order and persists an update before it answers anything that follows it. So after
 * local edits (debounced) the tracker sends a sync step 1 of its own and marks the provider unsynced; when
 * the provider reports `sync(true)` again — the server's step 2 answer — every edit sent before the probe
 * has been stored.
 *
 * Edits made while disconnected reach the server in the step 2 the client sends in answer to the server's
 * step 1 on a new connection, so a probe is only sent once that answer has gone out on the current socket —
 * and only while the room's write gate lets edits through (writeGate.ts): a probe must never confirm edits
 * that were held back.
 *
 * The tracker counts the local changes (transactions) the server has not confirmed: the page shows them as
 * "N thay đổi chưa gửi". With a browser copy of the room (localCopy.ts) the count is kept there too, and
 * carried over when the page opens again; the tracker says whether the copy holds every unsent change.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { messageSync, type WebsocketProvider } from 'y-websocket';
import type { RoomLink, RoomStatus } from './saveState.js';

/** Where the room's unsent changes are kept in the browser (see localCopy.ts). */
export interface UnsentKeeper {
  /** Records the count of unsent changes; resolves once it, and every change stored before it, is durable. */
  keepUnsent(count: number): Promise<void>;
  /** Records that the room has synced with the server. */
  markSynced(): void;
}

/** Options of {@link trackSaves}. */
export interface SaveTrackerOptions {
  /** True for the origins of the person's own changes; by default, every origin but the provider. */
  isLocalChange?(origin: unknown): boolean;
  /** Whether local changes are sent now (the write gate); by default, always. */
  canSend?(): boolean;
  /** The browser copy that keeps the count of unsent changes, if the room has one. */
  keeper?: UnsentKeeper;
  /** How long typing must pause before the server is asked to confirm, in ms. */
  debounceMs?: number;
  /** The longest continuous typing may delay a confirmation, in ms; keeps "saving" from lasting forever. */
  maxWaitMs?: number;
}

/** The save state of one room, observable. */
export interface SaveTracker {
  /** The current state; the same object until something changes (fit for `useSyncExternalStore`). May be called unbound. */
  status(): RoomStatus;
  /** Calls `listener` after each change of {@link status}; returns the unsubscribe function. May be called unbound. */
  subscribe(listener: () => void): () => void;
  /**
   * Adds what a browser copy carried over: changes the server had not confirmed (sent, and confirmed, with
   * the next connection), and whether its content may be shown before the server answers.
   */
  carryOver(state: { unsent: number; syncedBefore: boolean }): void;
  /** Tells the tracker that held-back changes have just been sent: it asks the server to confirm them. */
  released(): void;
  /** Stops tracking and gives the provider its own sync handler back. */
  destroy(): void;
}

type SyncHandler = WebsocketProvider['messageHandlers'][number];
type ProviderStatus = { status: 'connected' | 'disconnected' | 'connecting' };

class RoomSaveTracker implements SaveTracker {
  private readonly listeners = new Set<() => void>();
  private link: RoomLink = 'connecting';
  /** Counts local updates; `savedGen` is the last count the server confirmed holding. */
  private localGen = 0;
  private savedGen = 0;
  /** The count the probe in flight will confirm, or null. */
  private inflight: number | null = null;
  /** Whether our answer to the server's step 1 went out on the current socket (see the module comment). */
  private stateSentOnSocket = false;
  private dirtySince = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the document holds the room's content (synced, or loaded from a copy that had synced). */
  private contentReady = false;
  /**
   * What the browser copy confirmed holding: every local change up to `keptGen` (a `localGen`), and the
   * count it last wrote; and whether a write is under way.
   */
  private keptGen = 0;
  private keptCount = 0;
  private keeping = false;
  private keepFailed = false;
  private destroyed = false;
  private current: RoomStatus = { link: 'connecting', unsent: 0, keptLocally: true, contentReady: false };
  private readonly originalSyncHandler: SyncHandler;

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly debounceMs: number,
    private readonly maxWaitMs: number,
    private readonly options: SaveTrackerOptions,
  ) {
    const original = provider.messageHandlers[messageSync];
    if (original === undefined) throw new Error('trackSaves: the provider has no sync handler');
    this.originalSyncHandler = original;
    provider.messageHandlers[messageSync] = this.handleSyncMessage;
    provider.doc.on('update', this.onUpdate);
    provider.on('sync', this.onSync);
    provider.on('status', this.onStatus);
    provider.on('closed', this.onClosed);
  }

  // Arrow properties: callers pass these two around unbound (`useSyncExternalStore(subscribe, status)`).
  readonly status = (): RoomStatus => this.current;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  carryOver(state: { unsent: number; syncedBefore: boolean }): void {
    if (state.unsent > 0) {
      if (!this.dirty) this.dirtySince = Date.now();
      this.localGen += state.unsent;
    }
    // The copy holds what it carried over.
    this.keptGen = this.localGen;
    this.keptCount = this.unsent;
    if (state.syncedBefore) this.contentReady = true;
    this.publish();
  }

  released(): void {
    if (this.dirty) this.schedule(0);
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.timer);
    this.listeners.clear();
    this.provider.doc.off('update', this.onUpdate);
    this.provider.off('sync', this.onSync);
    this.provider.off('status', this.onStatus);
    this.provider.off('closed', this.onClosed);
    this.provider.messageHandlers[messageSync] = this.originalSyncHandler;
  }

  private get dirty(): boolean {
    return this.localGen !== this.savedGen;
  }

  private get unsent(): number {
    return this.localGen - this.savedGen;
  }

  /** Whether the browser copy's record is behind: changes it may not hold yet, or a stale count. */
  private get keepBehind(): boolean {
    return this.keptGen !== this.localGen || this.keptCount !== this.unsent;
  }

  private publish(): void {
    const unsent = this.unsent;
    const keptLocally = unsent === 0 || (this.options.keeper !== undefined && this.keptGen === this.localGen);
    const { current } = this;
    if (current.link !== this.link || current.unsent !== unsent || current.keptLocally !== keptLocally || current.contentReady !== this.contentReady) {
      this.current = { link: this.link, unsent, keptLocally, contentReady: this.contentReady };
      for (const listener of this.listeners) listener();
    }
    // After the listeners of the change that got here: the copy's own write of it is queued first.
    if (this.options.keeper !== undefined && this.keepBehind && !this.keeping) queueMicrotask(this.keep);
  }

  /** Writes the count of unsent changes to the browser copy, one write at a time, until it is current. */
  private readonly keep = (): void => {
    const keeper = this.options.keeper;
    if (keeper === undefined || this.destroyed || this.keeping || !this.keepBehind) return;
    const [generation, count] = [this.localGen, this.unsent];
    this.keeping = true;
    keeper.keepUnsent(count).then(
      () => {
        this.keeping = false;
        if (this.destroyed) return;
        [this.keptGen, this.keptCount] = [generation, count];
        this.publish();
      },
      (error: unknown) => {
        // Surfaced as "not kept on this computer"; the next change tries again (logged once).
        this.keeping = false;
        if (this.keepFailed) return;
        this.keepFailed = true;
        console.warn(`Đồng Soạn: could not keep unsent changes of ${this.provider.roomname} in the browser`, error);
      },
    );
  };

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    const untilMaxWait = this.dirtySince + this.maxWaitMs - Date.now();
    this.timer = setTimeout(this.probe, Math.max(0, Math.min(delay, untilMaxWait)));
  }

  /** Sends the sync step 1 whose answer confirms every edit sent before it. */
  private readonly probe = (): void => {
    this.timer = undefined;
    if (!this.dirty || this.inflight !== null || this.options.canSend?.() === false) return;
    const ws = this.provider.ws;
    // Not ready: the next sync, or the server's step 1 on a new connection, schedules the probe again.
    if (this.link !== 'synced' || !this.stateSentOnSocket || ws === null || ws.readyState !== WebSocket.OPEN) return;
    this.inflight = this.localGen;
    this.provider.synced = false;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, this.provider.doc);
    ws.send(encoding.toUint8Array(encoder));
  };

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    // Applied from the server, or loaded from the browser copy: nothing new of ours to save.
    if (origin === this.provider || this.options.isLocalChange?.(origin) === false) return;
    // Made while the room is read-only: by the editor itself (the person cannot type there), held back by
    // the write gate and sent unasked if the room becomes writable — not an edit waiting to be sent.
    if (this.options.canSend?.() === false) return;
    if (!this.dirty) this.dirtySince = Date.now();
    this.localGen += 1;
    this.publish();
    this.schedule(this.debounceMs);
  };

  private readonly onSync = (synced: boolean): void => {
    if (!synced) return;
    this.link = 'synced';
    if (!this.contentReady) {
      this.contentReady = true;
      this.options.keeper?.markSynced();
    }
    if (this.inflight !== null) {
      this.savedGen = this.inflight;
      this.inflight = null;
      this.dirtySince = Date.now();
    }
    this.publish();
    if (this.dirty) this.schedule(this.debounceMs);
  };

  private readonly onStatus = ({ status }: ProviderStatus): void => {
    if (status === 'connected') return; // the socket is open, but nothing is synced on it yet
    this.inflight = null; // its answer can no longer come: a new connection starts over
    this.stateSentOnSocket = false;
    if (this.link === 'synced' || this.link === 'closed') this.link = 'reconnecting';
    this.publish();
  };

  private readonly onClosed = (): void => {
    this.link = 'closed';
    this.publish();
  };

  private readonly handleSyncMessage: SyncHandler = (encoder, decoder, provider, emitSynced, messageType) => {
    const syncType = decoding.peekVarUint(decoder);
    this.originalSyncHandler(encoder, decoder, provider, emitSynced, messageType);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      // Our step 2 is in `encoder` and goes out when this handler returns; probe only after that.
      this.stateSentOnSocket = true;
      if (this.dirty) this.schedule(0);
    }
  };
}

/** Starts tracking the saves of the room behind `provider`. Call before the provider connects. */
export function trackSaves(provider: WebsocketProvider, options: SaveTrackerOptions = {}): SaveTracker {
  return new RoomSaveTracker(provider, options.debounceMs ?? 300, options.maxWaitMs ?? 2000, options);
}
