/**
 * One message sent to many connections of a room — every relayed keystroke goes to everyone else — framed
 * once (issue 13). `ws` frames each send anew: a header buffer, then the header and the message written
 * as two pieces. Here the WebSocket frame (RFC 6455 §5.2: FIN, binary, unmasked as a server's frames are)
 * is built once, and the same bytes are written to each connection's socket in one piece
 * (Connection.sendFrame): each receiver costs one write of bytes already framed.
 */
import type { Connection } from './connection.js';

/** The whole WebSocket frame of a binary message. */
export function binaryFrame(message: Uint8Array): Buffer {
  const length = message.byteLength;
  const headerLength = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x82;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 0x10000) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 0x1_0000_0000), 2);
    frame.writeUInt32BE(length % 0x1_0000_0000, 6);
  }
  frame.set(message, headerLength);
  return frame;
}

/** Sends `message` to every connection of `connections` but `except`, framing it once. */
export function relay(message: Uint8Array, connections: Iterable<Connection>, except: Connection | null = null): void {
  let frame: Buffer | null = null;
  for (const connection of connections) {
    if (connection === except) continue;
    frame ??= binaryFrame(message);
    connection.sendFrame(frame, message);
  }
}
