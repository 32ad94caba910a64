/**
 * WebSocket close codes of the room protocol (CONTRACT.md, "Rooms"). 4000–4999 are reserved for
 * applications by RFC 6455 §7.4.2; the 44xx codes echo the HTTP status with the same meaning so a log
 * reader recognises them. y-websocket (3.x) does not reconnect after a 4400–4499 close: those are final.
 */
export const CloseCode = {
  /** The server is shutting down; the client should reconnect later (RFC 6455 "going away"). */
  goingAway: 1001,
  /** The server failed to load or save the room; the client keeps its state and retries. */
  internalError: 1011,
  /**
   * The person's rights changed (role or department): reconnect, and the server decides again. Outside
   * 4400–4499, so y-websocket reconnects by itself.
   */
  rightsChanged: 4100,
  /** A message that is not a well-formed y-websocket message. */
  malformed: 4400,
  /** The session ended (signed out, account disabled, password reset): sign in again. */
  sessionEnded: 4401,
  /** A document update from a connection that may only read, or a report no longer shared. */
  forbiddenWrite: 4403,
  /** The report was deleted (issue 10, item 7): its rooms are gone; a new connection is refused 404. */
  reportDeleted: 4404,
  /** A message (or the data buffered before the room was ready) over the size limit. */
  tooLarge: 4413,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * Codes after which nothing the connection sent and the server has not handled yet is applied: it broke
 * the protocol, or the rights it was sent under are gone.
 */
export const REFUSING_CODES: ReadonlySet<number> = new Set([
  CloseCode.rightsChanged,
  CloseCode.malformed,
  CloseCode.sessionEnded,
  CloseCode.forbiddenWrite,
  CloseCode.reportDeleted,
  CloseCode.tooLarge,
]);
