/**
 * The browser's own copy of a room, for one account (y-indexeddb): what the person typed survives a reload,
 * a closed tab, a session that ended and the server being unreachable, and is sent once they are back with
 * the right to write (issue 8, item 7).
 *
 * A copy is named after the account AND the room, so on a shared computer one person's unsent edits are
 * never shown, or sent, as another's. Beside the document the copy keeps two facts: how many changes the
 * server has not confirmed yet (shown as "N thay đổi chưa gửi" after a reload) and whether the room ever
 * synced with the server (then its content may be shown from the copy alone, before the server answers).
 */
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

const UPDATES_STORE = 'updates';
const CUSTOM_STORE = 'custom';
const UNSENT_KEY = 'unsent';
const SYNCED_KEY = 'synced';

/**
 * How long a copy may take to load before the room connects without it. A copy that never loads
 * (storage blocked or broken) must not keep the person from the live document.
 */
const LOAD_TIMEOUT_MS = 5_000;

/** What a copy carried over from before this page opened it. */
export interface LocalCopyState {
  /** Changes the server had not confirmed when the copy was last written. */
  unsent: number;
  /** Whether the room had synced with the server: the copy then holds its content. */
  syncedBefore: boolean;
}

const NOTHING_KEPT: LocalCopyState = { unsent: 0, syncedBefore: false };

/** A room's document kept in the browser while the room is open. */
export interface LocalCopy {
  readonly name: string;
  /** The origin of the changes the copy applies when it loads: stored edits, not new ones. */
  readonly origin: unknown;
  /**
   * Resolves once the stored changes are in the document. When the browser cannot keep a copy (no
   * IndexedDB, storage refused, or too slow: see LOAD_TIMEOUT_MS) it resolves with nothing carried over
   * and the room works without one.
   */
  readonly loaded: Promise<LocalCopyState>;
  /** Records the count of unsent changes; resolves once it, and every change stored before it, is on disk. */
  keepUnsent(count: number): Promise<void>;
  /** Records that the room has synced with the server. */
  markSynced(): void;
  /** Stops keeping the document; what is stored stays. */
  close(): void;
}

/** The name of `accountId`'s copy of `roomName`: `dong-soan:<accountId>:<roomName>`. */
export function localCopyName(accountId: string, roomName: string): string {
  return `dong-soan:${accountId}:${roomName}`;
}

function asCount(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

/** Waits for the stored changes, or gives up (the copy is then closed and the room goes on without it). */
async function load(persistence: IndexeddbPersistence): Promise<LocalCopyState> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = new Promise<'failed'>((resolve) => {
    timer = setTimeout(() => resolve('failed'), LOAD_TIMEOUT_MS);
    persistence._db.catch((error: unknown) => {
      console.warn(`Đồng Soạn: no browser copy of ${persistence.name}`, error);
      resolve('failed');
    });
  });
  try {
    const outcome = await Promise.race([persistence.whenSynced.then(() => 'loaded' as const), giveUp]);
    if (outcome === 'failed') {
      void persistence.destroy().catch(() => undefined);
      return NOTHING_KEPT;
    }
    const [unsent, synced] = await Promise.all([persistence.get(UNSENT_KEY), persistence.get(SYNCED_KEY)]);
    return { unsent: asCount(unsent), syncedBefore: synced === 1 };
  } catch (error) {
    console.warn(`Đồng Soạn: could not read the browser copy ${persistence.name}`, error);
    return NOTHING_KEPT;
  } finally {
    clearTimeout(timer);
  }
}

/** Opens the copy `name` on `doc`: loads what it stores into `doc`, then stores every change of `doc`. */
export function openLocalCopy(name: string, doc: Y.Doc): LocalCopy {
  const persistence = new IndexeddbPersistence(name, doc);
  const loaded = load(persistence);
  let syncedBefore = false;
  void loaded.then((state) => (syncedBefore = state.syncedBefore));
  return {
    name,
    origin: persistence,
    loaded,
    async keepUnsent(count) {
      const db = await persistence._db;
      await new Promise<void>((resolve, reject) => {
        // Over both stores: IndexedDB runs read-write transactions whose scopes overlap in the order they
        // were created, so when this one completes, every change y-indexeddb stored before it has too.
        const transaction = db.transaction([UPDATES_STORE, CUSTOM_STORE], 'readwrite');
        transaction.objectStore(CUSTOM_STORE).put(count, UNSENT_KEY);
        transaction.oncomplete = () => resolve();
        transaction.onabort = () => reject(transaction.error ?? new Error('transaction aborted'));
      });
    },
    markSynced() {
      if (syncedBefore) return;
      syncedBefore = true;
      persistence.set(SYNCED_KEY, 1).catch((error: unknown) => console.warn(`Đồng Soạn: could not mark ${name} synced`, error));
    },
    close() {
      void persistence.destroy().catch(() => undefined);
    },
  };
}

/** Whether the browser holds a copy named `name`, without creating one. */
async function copyExists(name: string): Promise<boolean> {
  // Without `databases()` (older browsers) the only way to know is to open it.
  if (typeof indexedDB.databases !== 'function') return true;
  return (await indexedDB.databases()).some((database) => database.name === name);
}

/**
 * The document the copy `name` holds, read on its own (not connected, not kept up to date), or null when
 * the browser has no such copy. The caller destroys the document.
 */
export async function readLocalCopy(name: string): Promise<Y.Doc | null> {
  if (!(await copyExists(name))) return null;
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  await load(persistence);
  void persistence.destroy().catch(() => undefined);
  if (doc.store.clients.size === 0) {
    doc.destroy();
    return null;
  }
  return doc;
}

/** Deletes the copy `name` from the browser (once every page that has it open has closed it). */
export async function discardLocalCopy(name: string): Promise<void> {
  await clearDocument(name);
}

/**
 * Whether `local` holds changes that `server` (a document synced with the server) lacks: insertions it
 * never received, or deletions it never applied. The same test the server makes of a read-only
 * connection's updates (SETUP-NOTES.md).
 */
export function holdsUnsentChanges(local: Y.Doc, server: Y.Doc): boolean {
  return !Y.snapshotContainsUpdate(Y.snapshot(server), Y.encodeStateAsUpdate(local));
}
