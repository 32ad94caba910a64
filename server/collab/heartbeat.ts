/**
 * Pings every socket at an interval and cuts one that did not answer the previous ping (issue 8: half-open
 * sockets — a laptop closed, a network gone — kept rooms loaded and their people shown as present).
 * Browsers and `ws` answer pings by themselves; no client code is involved.
 */
import type { WebSocket, WebSocketServer } from 'ws';

/** Starts pinging the server's sockets; returns the function that stops it. */
export function startHeartbeat(server: WebSocketServer, intervalMs: number): () => void {
  const awaiting = new WeakSet<WebSocket>();
  const listening = new WeakSet<WebSocket>();
  const timer = setInterval(() => {
    for (const socket of server.clients) {
      if (!listening.has(socket)) {
        listening.add(socket);
        socket.on('pong', () => awaiting.delete(socket));
      }
      if (awaiting.has(socket)) {
        socket.terminate();
        continue;
      }
      awaiting.add(socket);
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
