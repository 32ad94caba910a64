/**
 * The large-section sync measurement: one writer fills a section with long Vietnamese prose, then brand-new
 * editors are timed from `new WebsocketProvider` until they hold the whole section.
 */
import * as Y from 'yjs';
import { MAX_MESSAGE_BYTES } from '../common/limits.js';
import { connectClient, sleep, textLength, waitUntil , type RoomEndpoint } from './client.js';
import { median } from './stats.js';
import { vietnameseParagraphs } from './text.js';

/** Paragraphs per transaction while filling: ~10,000 characters, ~15 kB of UTF-8, far under the limit. */
const PARAGRAPHS_PER_TRANSACTION = 20;

/**
 * Writes `chars` characters into `room` as ~500-character paragraphs, in several transactions, and waits
 * until a second, fresh client sees all of it. Returns the body's total text length.
 */
export async function fillSection(endpoint: RoomEndpoint, room: string, chars: number): Promise<number> {
  const writer = connectClient(endpoint, room);
  const checker = connectClient(endpoint, room);
  try {
    await writer.synced();
    const paragraphs = vietnameseParagraphs(chars);
    for (let start = 0; start < paragraphs.length; start += PARAGRAPHS_PER_TRANSACTION) {
      const chunk = paragraphs.slice(start, start + PARAGRAPHS_PER_TRANSACTION);
      let update: Uint8Array | null = null;
      const capture = (change: Uint8Array) => (update = change);
      writer.doc.on('update', capture);
      writer.doc.transact(() => {
        const nodes = chunk.map((text) => {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(text)]);
          return paragraph;
        });
        writer.body.insert(writer.body.length, nodes);
      });
      writer.doc.off('update', capture);
      const size = (update as Uint8Array | null)?.byteLength ?? 0;
      if (size > MAX_MESSAGE_BYTES / 4) throw new Error(`a fill transaction is ${size} bytes, too close to the limit`);
      await sleep(0);
    }
    const expected = textLength(writer.body);
    await checker.synced();
    await waitUntil(() => textLength(checker.body) >= expected, 'the server to hold the whole section', 60_000, 20);
    return expected;
  } finally {
    writer.destroy();
    checker.destroy();
  }
}

/** One timed join: milliseconds from `new WebsocketProvider` to holding the whole section, and its size. */
export interface SyncTiming {
  ms: number;
  /** Of which: until the websocket was open (TCP + HTTP upgrade + the server's admission checks). */
  openMs: number;
  /** `Y.encodeStateAsUpdate` of the synced doc, in bytes. */
  bytes: number;
}

/** Connects a brand-new editor to `room` and times it until its body holds `expectedLength` characters. */
export async function timeFreshSync(endpoint: RoomEndpoint, room: string, expectedLength: number): Promise<SyncTiming> {
  const start = performance.now();
  const client = connectClient(endpoint, room);
  let openedAt = Number.NaN;
  client.provider.on('status', ({ status }) => {
    if (status === 'connected' && Number.isNaN(openedAt)) openedAt = performance.now();
  });
  try {
    const end = await new Promise<number>((done, fail) => {
      const timeout = setTimeout(() => fail(new Error(`no full sync of ${room} within 60 s`)), 60_000);
      const check = () => {
        if (!client.provider.synced || textLength(client.body) < expectedLength) return;
        const now = performance.now();
        clearTimeout(timeout);
        client.provider.off('sync', check);
        client.doc.off('afterTransaction', check);
        done(now);
      };
      client.provider.on('sync', check);
      client.doc.on('afterTransaction', check);
    });
    return { ms: end - start, openMs: openedAt - start, bytes: Y.encodeStateAsUpdate(client.doc).byteLength };
  } finally {
    client.destroy();
  }
}

/** CPU cost of the two ends of a sync, measured in this process on the same document (median of 5 each). */
export interface SyncCost {
  /** `Y.encodeStateAsUpdate` of the whole section: what the server does for sync step 2. */
  encodeMs: number;
  /** `Y.applyUpdate` of that state into an empty doc: what the new editor does. */
  applyMs: number;
}

/** Joins `room` once more and times encoding and applying its state locally, away from the network. */
export async function measureSyncCost(endpoint: RoomEndpoint, room: string, expectedLength: number): Promise<SyncCost> {
  const client = connectClient(endpoint, room);
  try {
    await client.synced();
    await waitUntil(() => textLength(client.body) >= expectedLength, 'the whole section');
    const encodeRuns: number[] = [];
    const applyRuns: number[] = [];
    for (let run = 0; run < 5; run++) {
      let start = performance.now();
      const state = Y.encodeStateAsUpdate(client.doc);
      encodeRuns.push(performance.now() - start);
      const fresh = new Y.Doc();
      start = performance.now();
      Y.applyUpdate(fresh, state);
      applyRuns.push(performance.now() - start);
      fresh.destroy();
    }
    return { encodeMs: median(encodeRuns), applyMs: median(applyRuns) };
  } finally {
    client.destroy();
  }
}
