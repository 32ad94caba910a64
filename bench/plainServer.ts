/**
 * A plain in-memory y-websocket server: the reference the product is measured against (issues 11 and 13).
 * Per room one Y.Doc and one Awareness; sync step 1/2 on join; every update and awareness change relayed to
 * everyone else in the room. No sign-in, no rights, no storage, no limits: the least a y-websocket server
 * can do. Any path is a room name (`ws://host:port/<room>`). A room is dropped when its last socket leaves.
 *
 * Run on its own (`PORT=0 node --import tsx bench/plainServer.ts`) it prints
 * `plain y-websocket server listening on http://127.0.0.1:PORT`, as the product prints its port.
 */
import { createServer, type Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import * as Y from 'yjs';

/** The y-websocket message types (y-websocket's server and provider use these numbers). */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** One room: its doc, its awareness, and each socket with the awareness client ids it controls. */
class PlainRoom {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly sockets = new Map<WebSocket, Set<number>>();

  constructor() {
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder), origin);
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const owned = this.sockets.get(origin as WebSocket);
      if (owned) {
        for (const id of added) owned.add(id);
        for (const id of removed) owned.delete(id);
      }
      const changed = [...added, ...updated, ...removed];
      this.send(awarenessMessage(this.awareness, changed), origin);
    });
  }

  /** Sends `message` to every socket of the room but `except` (the one it came from). */
  send(message: Uint8Array, except: unknown): void {
    for (const socket of this.sockets.keys()) if (socket !== except && socket.readyState === socket.OPEN) socket.send(message);
  }

  join(socket: WebSocket): void {
    this.sockets.set(socket, new Set());
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    socket.send(encoding.toUint8Array(encoder));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) socket.send(awarenessMessage(this.awareness, states));
  }

  receive(socket: WebSocket, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.readSyncMessage(decoder, encoder, this.doc, socket);
      // Only sync step 1 needs an answer (step 2); the encoder holds just the message type otherwise.
      if (encoding.length(encoder) > 1) socket.send(encoding.toUint8Array(encoder));
    } else if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), socket);
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      socket.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
    }
  }

  /** Forgets what `socket` controlled; returns whether the room is now empty. */
  leave(socket: WebSocket): boolean {
    const owned = this.sockets.get(socket);
    this.sockets.delete(socket);
    if (owned && owned.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], null);
    return this.sockets.size === 0;
  }
}

function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

/** A message's bytes without copying (a Buffer is a Uint8Array); fragments are joined. */
const asBytes = (data: RawData): Uint8Array =>
  Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;

/** Serves y-websocket rooms on `server` (every upgrade, any path); returns the websocket server. */
export function servePlainRooms(server: Server): WebSocketServer {
  const rooms = new Map<string, PlainRoom>();
  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket, request) => {
    const name = decodeURIComponent((request.url ?? '/').split('?')[0]!.slice(1));
    let room = rooms.get(name);
    if (!room) rooms.set(name, (room = new PlainRoom()));
    const joined = room;
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data) => {
      try {
        joined.receive(socket, asBytes(data));
      } catch (error) {
        process.stderr.write(`plain server: bad message in ${name}: ${String(error)}\n`);
        socket.close(1003);
      }
    });
    socket.on('close', () => {
      if (joined.leave(socket) && rooms.get(name) === joined) {
        rooms.delete(name);
        joined.awareness.destroy();
        joined.doc.destroy();
      }
    });
    joined.join(socket);
  });
  return wss;
}

/** Listens on `PORT` (0: any free port) at 127.0.0.1 and prints the address; stops on SIGTERM/SIGINT. */
function main(): void {
  const server = createServer((_request, response) => response.writeHead(426).end('y-websocket only\n'));
  const wss = servePlainRooms(server);
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    console.log(`plain y-websocket server listening on http://127.0.0.1:${port}`);
  });
  const stop = () => {
    for (const socket of wss.clients) socket.terminate();
    wss.close();
    server.close(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
