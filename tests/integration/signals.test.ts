import { afterEach, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { openDataDirStore } from '../../server/storage/dataDirStore.js';
import { createReport, login } from '../helpers/api.js';
import { connectClient, type CollabClient } from '../helpers/collabClient.js';
import { appendParagraph, body, sectionText } from '../helpers/sectionText.js';
import { ADMIN_PASSWORD, makeDataDir, spawnServer, type SpawnedServer } from '../helpers/startServer.js';
import { storedText as storeText } from '../helpers/storedDoc.js';
import { waitFor } from '../helpers/waitFor.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await makeDataDir();
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function spawnOn(dataDir: string, port?: number): Promise<SpawnedServer> {
  const server = await spawnServer({ DATA_DIR: dataDir, PORT: port });
  cleanups.push(() => server.close());
  return server;
}

function track(client: CollabClient): CollabClient {
  cleanups.push(() => client.destroy());
  return client;
}

/** The text a store holds for a room, read straight from the SQLite file. */
async function storedText(dataDir: string, room: string): Promise<{ text: string; logLength: number }> {
  // As the server opens it: what the killed process left in the append journal is replayed.
  const store = openDataDirStore(dataDir);
  try {
    const { updates } = await store.loadDocument(room);
    return { text: await storeText(store, room), logLength: updates.length };
  } finally {
    await store.close();
  }
}

describe('signals', () => {
  it('flushes every room and exits 0 on SIGTERM', async () => {
    const dataDir = await tempDir();
    const server = await spawnOn(dataDir);
    const cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    const report = await createReport(server.url, {}, cookie);
    const room = report.sections[0]!.room;
    const writer = track(connectClient(server.collabUrl, room, cookie));
    const watcher = track(connectClient(server.collabUrl, room, cookie));
    await Promise.all([writer.synced(), watcher.synced()]);
    appendParagraph(writer.doc, 'Viết ngay trước khi máy chủ dừng.');
    await waitFor(() => sectionText(watcher.doc) === sectionText(writer.doc));
    const expected = sectionText(writer.doc);

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    const stored = await storedText(dataDir, room);
    expect(stored.text).toBe(expected);
    expect(stored.logLength).toBe(0);
  });

  it('loses no character any client typed when the server is killed with SIGKILL while they type', async () => {
    const dataDir = await tempDir();
    const first = await spawnOn(dataDir);
    const cookie = await login(first.url, 'admin', ADMIN_PASSWORD);
    const report = await createReport(first.url, {}, cookie);
    const room = report.sections[1]!.room;
    const typists = Array.from({ length: 4 }, () => track(connectClient(first.collabUrl, room, cookie)));
    // Types nothing: all it has, it received from the server, which must have stored it first.
    const watcher = track(connectClient(first.collabUrl, room, cookie));
    await Promise.all([...typists, watcher].map((client) => client.synced()));
    const lines = typists.map((typist, index) => appendParagraph(typist.doc, `[${index}]`));
    const typed = typists.map(() => [] as string[]);

    // Each typist adds a numbered token every few milliseconds, online or not.
    let typing = true;
    const loops = typists.map(async (_typist, index) => {
      for (let n = 0; typing; n++) {
        const token = `<${index}.${n}>`;
        lines[index]!.insert(lines[index]!.length, token);
        typed[index]!.push(token);
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    });

    await waitFor(() => typed.every((tokens) => tokens.length >= 25), { what: 'typing under way' });
    first.child.kill('SIGKILL');
    await first.exited;
    await waitFor(() => [...typists, watcher].every((client) => !client.provider.wsconnected), { what: 'clients notice' });
    // Before any restart: the store already holds every token another client received.
    const received = sectionText(watcher.doc);
    const storedBeforeRestart = (await storedText(dataDir, room)).text;
    const relayed = typed.flat().filter((token) => received.includes(token));
    expect(relayed.length).toBeGreaterThan(0);
    for (const token of relayed) expect(storedBeforeRestart, `${token}, relayed before the kill`).toContain(token);
    watcher.destroy();
    await waitFor(() => typed.every((tokens) => tokens.length >= 40), { what: 'offline typing' });

    const second = await spawnOn(dataDir, first.port);
    await waitFor(() => typists.every((typist) => typist.provider.wsconnected && typist.provider.synced), {
      what: 'clients reconnect',
    });
    await waitFor(() => typed.every((tokens) => tokens.length >= 60), { what: 'typing after restart' });
    typing = false;
    await Promise.all(loops);

    const converged = () => typists.every((typist) => sectionText(typist.doc) === sectionText(typists[0]!.doc));
    await waitFor(converged, { what: 'clients converge' });
    const text = sectionText(typists[0]!.doc);
    for (const [index, tokens] of typed.entries()) {
      for (const token of tokens) expect(text.split(token), `${token} of typist ${index}`).toHaveLength(2);
      expect(text.split(`[${index}]`)).toHaveLength(2);
    }
    expect(body(typists[0]!.doc).length).toBeGreaterThan(4);

    for (const typist of typists) typist.destroy();
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    expect((await storedText(dataDir, room)).text).toBe(text);
  });
});
