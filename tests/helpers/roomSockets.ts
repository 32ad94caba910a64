/**
 * A browser context's room sockets routed through the test (Playwright): "the server is unreachable" is
 * the room sockets refused while the page's HTTP calls still work, as from the browser's cache.
 */
import type { BrowserContext, WebSocketRoute } from 'playwright-core';
import { WAIT_MS } from './browser.js';
import { waitFor } from './waitFor.js';

/** A page's room sockets, routed through the test. */
export interface RoomSockets {
  /** Closes every open room socket and refuses new ones. */
  cut(): Promise<void>;
  /** Lets sockets through to the server again (y-websocket reconnects by itself). */
  restore(): void;
  /** Refuses new sockets from now on; the open ones stay. */
  refuseNew(): void;
  /** Drops what the page sends on the sockets open now (edits, sync requests); sockets opened later are not muted. */
  mute(): void;
  /** Resolves once the server has closed a socket of the room `room` with `code`. */
  closedBy(room: string, code: number): Promise<void>;
  /** Whether the server has closed a socket of the room `room` with `code`. */
  wasClosedBy(room: string, code: number): boolean;
}

export async function routeRooms(context: BrowserContext): Promise<RoomSockets> {
  let down = false;
  const live = new Set<{ page: WebSocketRoute; muted: boolean }>();
  const closes: Array<{ url: string; code: number | undefined }> = [];
  const wasClosedBy = (room: string, code: number) =>
    closes.some((close) => close.code === code && new URL(close.url).pathname.endsWith(`/${room}`));
  await context.routeWebSocket(/\/collab\//, (ws) => {
    if (down) {
      void ws.close({ code: 1013, reason: 'test: server unreachable' });
      return;
    }
    const socket = { page: ws, muted: false };
    live.add(socket);
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      if (!socket.muted) server.send(message);
    });
    // Handled here, the server's close is no longer passed on by itself.
    server.onClose((code, reason) => {
      closes.push({ url: ws.url(), code });
      void ws.close({ code, reason }).catch(() => undefined);
    });
  });
  return {
    async cut() {
      down = true;
      const open = [...live];
      live.clear();
      await Promise.all(open.map(({ page }) => page.close({ code: 1013, reason: 'test: server unreachable' }).catch(() => undefined)));
    },
    restore() {
      down = false;
    },
    refuseNew() {
      down = true;
    },
    mute() {
      for (const socket of live) socket.muted = true;
      live.clear();
    },
    closedBy(room, code) {
      return waitFor(() => wasClosedBy(room, code), { timeoutMs: WAIT_MS, what: `the server to close ${room} with ${code}` });
    },
    wasClosedBy,
  };
}

