/**
 * One client's socket in one room. It listens from the moment it exists: messages that arrive while the
 * room is still loading are buffered (bounded) and handed over in order once the room is ready.
 */
import { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket, RawData } from 'ws';
import { CloseCode, REFUSING_CODES } from '../../common/closeCodes.js';
import type { Access } from '../../common/access.js';
import type { Identity } from '../auth/identity.js';


/** pending: waiting for the room; open: bound to it; closed: gone, nothing more is handled. */
export type ConnectionState = 'pending' | 'open' | 'closed';

export interface ConnectionLimits {
  /** The largest message accepted, in bytes; larger ones close the connection with 4413. */
  maxMessageBytes: number;
  /** The most bytes buffered while the room loads; more closes the connection with 4413. */
  maxPendingBytes: number;
  /** A client whose unsent backlog exceeds this many bytes is too slow and is disconnected. */
  maxBufferedBytes: number;
}

/** How a connection reports what the server did to it (issue 11, item 5). */
export interface ConnectionReporting {
  /** Its upgrade request's logger: every line about the connection carries that request's id (`reqId`). */
  log: FastifyBaseLogger;
  /** Told of each close the server makes, with its code; 1006 for a client cut without a close frame (metrics). */
  onServerClose?: (code: number) => void;
}

/** What a client sees when the server cuts it without a close frame (RFC 6455 §7.1.5: "abnormal closure"). */
const CUT = 1006;

type MessageSink = (connection: Connection, data: Uint8Array) => void;
type CloseListener = (connection: Connection) => void;

/**
 * The TCP socket under a `ws` WebSocket, to write frames built once for many receivers (relay.ts) — when
 * that is safe: no extension was negotiated (the server offers none; with permessage-deflate `ws` may queue
 * frames, and writing past its queue would reorder them). Otherwise null, and every message goes
 * through `ws`. Writes to it and through `ws` go to one stream, in the order they are made.
 */
function rawSocketOf(socket: WebSocket): Socket | null {
  const raw = (socket as unknown as { _socket?: unknown })._socket;
  return socket.extensions === '' && raw instanceof Socket ? raw : null;
}

/**
 * A copy of the message in a buffer of its own: `ws` may hand out views into a shared pool, and lib0's
 * decoders make views on `.buffer`, so a lying length prefix could otherwise read a neighbour's bytes.
 */
function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(data instanceof ArrayBuffer ? data.slice(0) : data);
}

export class Connection {
  state: ConnectionState = 'pending';
  /**
   * True once the server has closed the connection with a refusing code (REFUSING_CODES): what it sent
   * and is still queued is dropped. Messages of a connection that simply went away are still handled,
   * so an edit sent just before a tab closed is kept.
   */
  refused = false;
  /** Set when the connection's edit is stored; the session watch counts it as use of the session. */
  wrote = false;
  /** Awareness client ids this connection has announced, removed when it closes. */
  readonly awarenessClients = new Set<number>();
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private sink: MessageSink | null = null;
  private readonly closeListeners: CloseListener[] = [];
  private readonly raw: Socket | null;

  constructor(
    private readonly socket: WebSocket,
    readonly identity: Identity,
    /** Decided at the upgrade; changed by the room (in order with messages) when ownership changes. */
    public access: Access,
    private readonly limits: ConnectionLimits,
    private readonly reporting: ConnectionReporting,
  ) {
    socket.binaryType = 'nodebuffer';
    this.raw = rawSocketOf(socket);
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('close', () => this.closed());
    socket.on('error', (error) => {
      this.log.warn({ err: error }, 'room socket error');
      this.close(CloseCode.internalError, 'socket error');
    });
  }

  /** The connection's logger: its lines carry the upgrade's request id and the room (collab/pipeline.ts). */
  get log(): FastifyBaseLogger {
    return this.reporting.log;
  }

  /**
   * Binds the connection to its room: buffered messages are delivered now, in order, then live ones. A
   * connection that closed while its room loaded still delivers what it had sent (its edits are kept).
   */
  open(sink: MessageSink): void {
    if (this.state === 'open') return;
    const buffered = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    if (this.state === 'pending') {
      this.state = 'open';
      this.sink = sink;
    }
    for (const data of buffered) {
      if (this.refused) return;
      sink(this, data);
    }
  }

  onClose(listener: CloseListener): void {
    this.closeListeners.push(listener);
  }

  /** Sends a message unless the connection is gone; a client too slow to read is disconnected. */
  send(message: Uint8Array): void {
    // No callback: a write that fails destroys the socket, whose `close` ends the connection (constructor).
    if (this.writable()) this.socket.send(message);
  }

  /** Sends `message` as `frame`, its whole WebSocket frame built once for many receivers (relay.ts). */
  sendFrame(frame: Buffer, message: Uint8Array): void {
    if (!this.writable()) return;
    if (this.raw) this.raw.write(frame);
    else this.socket.send(message);
  }

  /** True while the connection is open and its client keeps up; one too slow to read is cut. */
  private writable(): boolean {
    if (this.state === 'closed' || this.socket.readyState !== this.socket.OPEN) return false;
    if (this.socket.bufferedAmount <= this.limits.maxBufferedBytes) return true;
    // Cut at once: a close frame would wait behind the backlog it cannot read, holding its memory.
    this.socket.terminate();
    this.reportClose(CUT, 'too slow to read: cut');
    this.closed();
    return false;
  }

  /** Closes with a code of {@link CloseCode}; nothing the client sent afterwards is handled. */
  close(code: number, reason: string): void {
    if (REFUSING_CODES.has(code)) this.refused = true;
    if (this.state === 'closed') return;
    this.socket.close(code, reason);
    this.reportClose(code, reason);
    this.closed();
  }

  private reportClose(code: number, reason: string): void {
    this.reporting.onServerClose?.(code);
    this.log.info({ code, reason }, 'closed the room connection');
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.state === 'closed') return;
    if (!isBinary) {
      this.close(CloseCode.malformed, 'text frames are not part of the protocol');
      return;
    }
    const bytes = toBytes(data);
    if (bytes.byteLength > this.limits.maxMessageBytes) {
      this.close(CloseCode.tooLarge, `message over ${this.limits.maxMessageBytes} bytes`);
      return;
    }
    if (this.state === 'open' && this.sink) {
      this.sink(this, bytes);
      return;
    }
    this.pendingBytes += bytes.byteLength;
    if (this.pendingBytes > this.limits.maxPendingBytes) {
      this.close(CloseCode.tooLarge, 'too much data before the room was ready');
      return;
    }
    this.pending.push(bytes);
  }

  private closed(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    // What a connection sent before it went away is still delivered (see `open`); a refused one's is not.
    if (this.refused) this.pending = [];
    this.sink = null;
    for (const listener of this.closeListeners) listener(this);
  }
}
