/**
 * A y-websocket provider wired to a socket the test drives, and a server document to play the server's
 * part of the sync protocol: the client's write gate and save tracker run as in the browser, without one.
 * Not a test file: shared by writeGate.test.ts and saveTracker.test.ts.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { messageSync, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** The socket a provider opened; the test opens it, sends it the server's messages and reads what it sent. */
export class TestSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static latest: TestSocket | null = null;
  readonly OPEN = TestSocket.OPEN;
  readyState = TestSocket.CONNECTING;
  binaryType = 'arraybuffer';
  readonly sent: Uint8Array[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(readonly url: string) {
    TestSocket.latest = this;
  }

  send(data: Uint8Array | ArrayBuffer): void {
    this.sent.push(new Uint8Array(data));
  }

  close(): void {
    this.readyState = TestSocket.CLOSED;
  }
}

/** One sync-protocol message the client sent. */
export interface SentSync {
  type: 'step1' | 'step2' | 'update';
  /** The state vector (step 1) or the update (step 2, update). */
  payload: Uint8Array;
}

const SYNC_TYPES = { [syncProtocol.messageYjsSyncStep1]: 'step1', [syncProtocol.messageYjsSyncStep2]: 'step2', [syncProtocol.messageYjsUpdate]: 'update' } as const;

/** A client room and the server's side of it. */
export interface RoomLink {
  provider: WebsocketProvider;
  /** The client's document. */
  doc: Y.Doc;
  /** The room as the server holds it. */
  server: Y.Doc;
  /** Connects and opens the socket (the provider sends its step 1). */
  open(): TestSocket;
  /** The server sends its sync step 1 on the open socket (the client answers with a step 2). */
  serverStep1(): void;
  /** The server answers the client's last step 1 with a step 2 (what the client lacks). */
  serverStep2(): void;
  /** The socket closes with `code` (the server's, or the network's 1006). */
  closeSocket(code?: number): void;
  /** The sync messages sent on the open socket since it opened (or since the last `drain`), and forgets them. */
  drain(): SentSync[];
  /** Applies the client's updates and step 2 answers in `sent` to the server's document. */
  deliver(sent: readonly SentSync[]): void;
  destroy(): void;
}

function readSync(data: Uint8Array): SentSync | null {
  const decoder = decoding.createDecoder(data);
  if (decoding.readVarUint(decoder) !== messageSync) return null;
  const type = SYNC_TYPES[decoding.readVarUint(decoder) as keyof typeof SYNC_TYPES];
  return { type, payload: decoding.readVarUint8Array(decoder) };
}

/** A provider of `doc` (not connected yet) on a test socket, and an empty server document. */
export function roomLink(doc = new Y.Doc()): RoomLink {
  const provider = new WebsocketProvider('ws://test', 'report/frame', doc, {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: TestSocket as unknown as typeof WebSocket,
  });
  const server = new Y.Doc();
  let socket: TestSocket | null = null;
  let read = 0;
  const receive = (encoder: encoding.Encoder) => {
    if (socket === null) throw new Error('roomLink: no open socket');
    socket.onmessage?.({ data: encoding.toUint8Array(encoder).buffer as ArrayBuffer });
  };
  const link: RoomLink = {
    provider,
    doc,
    server,
    open() {
      provider.connect();
      const opened = TestSocket.latest;
      if (opened === null) throw new Error('roomLink: the provider opened no socket');
      socket = opened;
      read = 0;
      opened.readyState = TestSocket.OPEN;
      opened.onopen?.();
      return opened;
    },
    serverStep1() {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageSync);
      syncProtocol.writeSyncStep1(encoder, server);
      receive(encoder);
    },
    serverStep2() {
      const asked = [...(socket?.sent ?? [])].reverse().map(readSync).find((message) => message?.type === 'step1');
      if (asked === undefined || asked === null) throw new Error('roomLink: the client sent no step 1');
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageSync);
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(server, asked.payload));
      receive(encoder);
    },
    closeSocket(code = 1006) {
      const closing = socket;
      socket = null;
      if (closing === null) return;
      closing.readyState = TestSocket.CLOSED;
      closing.onclose?.({ code, reason: 'test' });
    },
    drain() {
      if (socket === null) return [];
      const fresh = socket.sent.slice(read);
      read = socket.sent.length;
      return fresh.map(readSync).filter((message): message is SentSync => message !== null);
    },
    deliver(sent) {
      for (const message of sent) if (message.type !== 'step1') Y.applyUpdate(server, message.payload, 'client');
    },
    destroy() {
      provider.shouldConnect = false;
      provider.destroy();
      provider.awareness.destroy();
      doc.destroy();
      server.destroy();
    },
  };
  return link;
}

/** The text of the `Y.Text` named `text`. */
export function textOf(doc: Y.Doc): string {
  return doc.getText('text').toString();
}
