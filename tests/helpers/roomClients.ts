/**
 * The test's own y-websocket clients on rooms of its server: each synced before it is handed over, and all
 * destroyed by the helper — after each test, or after the enclosing `describe` for clients its tests share.
 */
import { afterAll, afterEach } from 'vitest';
import { connectClient, type CollabClient } from './collabClient.js';

export interface RoomClientOptions {
  /**
   * When the clients are destroyed: after each test (the default) or after all of the `describe`'s tests.
   * With `'all'`, register the helper after the hook that closes the server: after-hooks run in reverse
   * order, so the clients then leave before the server closes.
   */
  until?: 'each' | 'all';
}

/**
 * Registers the clean-up and returns `open(room)`: a client of `room`, signed in with `cookie()`, once it
 * has synced with the server.
 */
export function useRoomClients(
  server: () => { collabUrl: string },
  cookie: () => string,
  options: RoomClientOptions = {},
): (room: string) => Promise<CollabClient> {
  const clients: CollabClient[] = [];
  const destroyAll = () => {
    for (const client of clients.splice(0)) client.destroy();
  };
  if (options.until === 'all') afterAll(destroyAll);
  else afterEach(destroyAll);
  return async (room) => {
    const client = connectClient(server().collabUrl, room, cookie());
    clients.push(client);
    await client.synced();
    return client;
  };
}
