/**
 * WebSocket close codes of the room protocol (CONTRACT.md, "Rooms").
 * 4000–4999 are reserved for applications by RFC 6455 §7.4.2; the last three digits echo the HTTP status
 * with the same meaning so a log reader recognises them.
 */
export const CloseCode = {
  /** The server is shutting down; the client should reconnect later (RFC 6455 "going away"). */
  goingAway: 1001,
  /** The server failed to load or save the room; the client keeps its state and retries. */
  internalError: 1011,
  /** A message that is not a well-formed y-websocket message. */
  malformed: 4400,
  /** A document update from a connection that may only read. */
  forbiddenWrite: 4403,
  /** A message (or the data buffered before the room was ready) over the size limit. */
  tooLarge: 4413,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
