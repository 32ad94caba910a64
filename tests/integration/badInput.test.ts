import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../common/closeCodes.js';
import { MAX_MESSAGE_BYTES } from '../../common/limits.js';
import type { Report } from '../../common/report.js';
import { createReport } from '../helpers/api.js';
import { connectClient, openRawSocket, type CollabClient } from '../helpers/collabClient.js';
import { appendParagraph, sectionText } from '../helpers/sectionText.js';
import { startServer, type TestServer } from '../helpers/startServer.js';
import { waitFor } from '../helpers/waitFor.js';
import { storedDoc } from '../helpers/storedDoc.js';
import { updateMessage } from '../helpers/wireMessages.js';


describe('bad input on a room', () => {
  let server: TestServer;
  let report: Report;
  let room: string;
  let writer: CollabClient;
  let watcher: CollabClient;

  beforeEach(async () => {
    server = await startServer();
    report = await createReport(server.url, {}, server.adminCookie);
    room = report.sections[0]!.room;
    writer = connectClient(server.collabUrl, room, server.adminCookie);
    watcher = connectClient(server.collabUrl, room, server.adminCookie);
    await Promise.all([writer.synced(), watcher.synced()]);
  });
  afterEach(async () => {
    writer.destroy();
    watcher.destroy();
    await server.close();
  });

  /** Sends `frame` on a fresh socket; returns the close code, checking the room kept working meanwhile. */
  async function sendBad(frame: Uint8Array | string, label: string): Promise<number> {
    const raw = openRawSocket(server.collabUrl, room, server.adminCookie);
    await raw.opened;
    appendParagraph(writer.doc, `trước ${label}`);
    raw.socket.send(frame);
    const code = await raw.closed;
    appendParagraph(writer.doc, `sau ${label}`);
    await waitFor(() => sectionText(watcher.doc).includes(`sau ${label}`), { what: `edits after ${label}` });
    expect(writer.provider.wsconnected && watcher.provider.wsconnected).toBe(true);
    return code;
  }

  it('closes a connection that sends an unknown message type with 4400', async () => {
    expect(await sendBad(new Uint8Array([42, 1, 2]), 'unknown')).toBe(CloseCode.malformed);
  });

  it('closes a connection that sends a truncated message with 4400', async () => {
    expect(await sendBad(new Uint8Array([0, 2, 200, 1, 7]), 'truncated')).toBe(CloseCode.malformed);
  });

  it('closes a connection that sends a text frame with 4400', async () => {
    expect(await sendBad('<script>alert(1)</script>', 'text')).toBe(CloseCode.malformed);
  });

  it('closes a connection whose update is garbage with 4400, leaving the document as it was', async () => {
    const before = sectionText(watcher.doc);
    const garbage = updateMessage(new Uint8Array([5, 255, 255, 255, 255, 15, 3, 9, 9, 9]));
    expect(await sendBad(garbage, 'garbage')).toBe(CloseCode.malformed);
    expect(sectionText(watcher.doc)).toBe(`${before}\ntrước garbage\nsau garbage`);
  });

  it('closes a connection that sends a message over the size limit with 4413', async () => {
    const doc = new Y.Doc();
    doc.getXmlFragment('body').insert(0, [new Y.XmlText('x'.repeat(MAX_MESSAGE_BYTES))]);
    const huge = updateMessage(Y.encodeStateAsUpdate(doc));
    doc.destroy();
    expect(huge.byteLength).toBeGreaterThan(MAX_MESSAGE_BYTES);
    expect(await sendBad(huge, 'huge')).toBe(CloseCode.tooLarge);
    expect(sectionText(watcher.doc)).not.toContain('xxxx');
  });

  it('still serves the room and stores every good edit after all of that', async () => {
    await sendBad(new Uint8Array([9]), 'one');
    await sendBad(new Uint8Array([0, 0]), 'two');
    const fresh = connectClient(server.collabUrl, room, server.adminCookie);
    await fresh.synced();
    expect(sectionText(fresh.doc)).toBe(sectionText(watcher.doc));
    fresh.destroy();
    const restored = await storedDoc(server.store, room);
    expect(sectionText(restored)).toBe(sectionText(watcher.doc));
    restored.destroy();
  });
});
