/**
 * Real y-websocket clients in Node (y-websocket's WebsocketProvider over `ws`), and a raw socket for
 * sending frames no well-behaved client would.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { waitFor } from './waitFor.js';

// Every WebsocketProvider in Node adds a process 'exit' listener; tests open dozens.
process.setMaxListeners(200);

export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server is done. */
  synced(): Promise<void>;
  /** Disconnects and frees the doc and awareness. */
  destroy(): void;
}

/** A `ws` WebSocket class that sends `cookie` with its upgrade request, as a browser would. */
function socketWithCookie(cookie: string | undefined): typeof globalThis.WebSocket {
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  return CookieSocket as unknown as typeof globalThis.WebSocket;
}

export function connectClient(collabUrl: string, room: string, cookie?: string, doc = new Y.Doc()): CollabClient {
  const provider = new WebsocketProvider(collabUrl, room, doc, {
    WebSocketPolyfill: socketWithCookie(cookie),
    disableBc: true,
    // Tests wait for reconnection; y-websocket's back-off tops out at this.
    maxBackoffTime: 250,
  });
  return {
    doc,
    provider,
    synced: () => waitFor(() => provider.synced, { what: `client synced to ${room}` }),
    destroy() {
      provider.awareness.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A raw websocket to a room; `closed` resolves with the close code the server sent. */
export interface RawSocket {
  socket: WebSocket;
  opened: Promise<void>;
  closed: Promise<number>;
}

export function openRawSocket(collabUrl: string, room: string, cookie?: string): RawSocket {
  const socket = new WebSocket(`${collabUrl}/${room}`, cookie ? { headers: { cookie } } : {});
  socket.on('error', () => undefined);
  return {
    socket,
    opened: new Promise((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    }),
    closed: new Promise((resolve) => socket.once('close', (code) => resolve(code))),
  };
}

/** The HTTP status an upgrade to `room` is answered with (101 when it is accepted). */
export function upgradeStatus(collabUrl: string, room: string, cookie?: string, origin?: string): Promise<number> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = {};
    if (cookie) headers.cookie = cookie;
    const socket = new WebSocket(`${collabUrl}/${room}`, { headers, ...(origin ? { origin } : {}) });
    socket.on('error', () => undefined);
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => {
      resolve(101);
      socket.close();
    });
  });
}
