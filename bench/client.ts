/** y-websocket clients in Node (the browser's provider over `ws`) and the REST calls the bench needs. */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Report } from '../common/report.js';
import { SECTION_FRAGMENT } from '../common/rooms.js';

/** One simulated editor's connection to one room. */
export interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The section body, `doc.getXmlFragment('body')`. */
  body: Y.XmlFragment;
  /** Resolves once the first sync with the server is done. */
  synced(): Promise<void>;
  /** Disconnects and frees the provider, the awareness and the doc. */
  destroy(): void;
}

/** Where rooms are and the session to open them with. */
export interface RoomEndpoint {
  /** `ws://127.0.0.1:PORT/collab` */
  collabUrl: string;
  /** The `Cookie` header value of a signed-in session. */
  cookie: string;
}

/** A `ws` WebSocket class that sends the session cookie with its upgrade, as a browser does. */
function socketWithCookie(cookie: string): typeof globalThis.WebSocket {
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  }
  return CookieSocket as unknown as typeof globalThis.WebSocket;
}

/** Connects a fresh doc to `room` (connecting starts at once). */
export function connectClient(endpoint: RoomEndpoint, room: string, doc = new Y.Doc()): BenchClient {
  const provider = new WebsocketProvider(endpoint.collabUrl, room, doc, {
    WebSocketPolyfill: socketWithCookie(endpoint.cookie),
    disableBc: true,
  });
  provider.on('closed', ({ code, reason }) => {
    process.stderr.write(`bench: ${room} closed by the server: ${code} ${reason}\n`);
  });
  const synced = new Promise<void>((done) => {
    if (provider.synced) done();
    else provider.once('sync', () => done());
  });
  return {
    doc,
    provider,
    body: doc.getXmlFragment(SECTION_FRAGMENT),
    synced: () => synced,
    destroy() {
      provider.awareness.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}

/** The number of characters of text in a ProseMirror-shaped fragment (all nested `Y.XmlText`s). */
export function textLength(node: Y.XmlFragment | Y.XmlElement): number {
  let length = 0;
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) length += child.length;
    else if (child instanceof Y.XmlElement) length += textLength(child);
  }
  return length;
}

/** Signs in; returns the `Cookie` header value carrying the session. */
export async function login(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`POST /api/session: ${response.status} ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** `GET /api/me`: throws unless `cookie` is a live session there (one made on another instance, say). */
export async function checkSession(url: string, cookie: string): Promise<void> {
  const response = await fetch(`${url}/api/me`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`GET /api/me with the given session: ${response.status} ${await response.text()}`);
}

/** `POST /api/reports` with the bench's template; returns the new report. */
export async function createReport(url: string, cookie: string): Promise<Report> {
  const response = await fetch(`${url}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ templateId: 'bao-cao-so-ket' }),
  });
  if (response.status !== 201) throw new Error(`POST /api/reports: ${response.status} ${await response.text()}`);
  return (await response.json()) as Report;
}

/** The rooms of `count` distinct sections, creating as many reports as needed. */
export async function sectionRooms(url: string, cookie: string, count: number): Promise<string[]> {
  const rooms: string[] = [];
  while (rooms.length < count) {
    const report = await createReport(url, cookie);
    if (report.sections.length === 0) throw new Error('the template has no sections');
    for (const section of report.sections) if (rooms.length < count) rooms.push(section.room);
  }
  return rooms;
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Polls `condition` every `intervalMs` until it holds; throws after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 30_000, intervalMs = 5): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}
