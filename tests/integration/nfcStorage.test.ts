/**
 * The server stores NFC whatever a client sends (issue 12, item 5): a raw y-websocket client that writes
 * decomposed Vietnamese into a section, the opening paragraphs and the frame's fields sees it brought to
 * NFC by the server once the room is quiet — in the store, in its own copy and in every other client's —
 * each word once, marks kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readFrame } from '../../common/frame.js';
import { FRAME_MAP, formatRoomName, PREAMBLE_FRAGMENT } from '../../common/rooms.js';
import { createReport } from '../helpers/api.js';
import { useRoomClients } from '../helpers/roomClients.js';
import { body, sectionText } from '../helpers/sectionText.js';
import { startServer, type TestServer } from '../helpers/startServer.js';
import { storedDoc } from '../helpers/storedDoc.js';
import { waitFor } from '../helpers/waitFor.js';

/** "Tiếng Việt", "Nguyễn" as a decomposing input method or a PDF gives them. */
const TIENG_VIET = 'Tie\u0302\u0301ng Vie\u0323\u0302t';
const NGUYEN = 'Nguye\u0302\u0303n';
const isNfc = (text: string) => text === text.normalize('NFC');
/** Every text of a fragment, paragraphs on lines. */
const fragmentText = (fragment: Y.XmlFragment) => fragment.toArray().map((node) => (node as Y.XmlElement).toArray().map((child) => child.toString()).join('')).join('\n');

describe('the server stores NFC', () => {
  let server: TestServer;
  const connect = useRoomClients(() => server, () => server.adminCookie);

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('brings decomposed text a client stored in a section to NFC, in the store and at every client, once', async () => {
    const report = await createReport(server.url, {}, server.adminCookie);
    const room = report.sections[3]!.room;
    const [writer, reader] = [await connect(room), await connect(room)];
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    writer.doc.transact(() => {
      body(writer.doc).push([paragraph]);
      text.insert(0, 'Học ');
      text.insert(4, TIENG_VIET, { bold: {} });
    });
    // Relayed as sent, then repaired by the server.
    await waitFor(() => sectionText(reader.doc).includes('Học Tiếng Việt'), { what: 'the repaired text at the other client' });
    await waitFor(() => sectionText(writer.doc).includes('Học Tiếng Việt'), { what: 'the repaired text at the writer' });
    for (const client of [writer, reader]) {
      expect(isNfc(sectionText(client.doc))).toBe(true);
      expect(sectionText(client.doc).split('Tiếng Việt')).toHaveLength(2);
    }
    expect(text.toDelta()).toEqual([{ insert: 'Học ' }, { insert: 'Tiếng Việt', attributes: { bold: {} } }]);
    const stored = await storedDoc(server.store, room);
    try {
      expect(sectionText(stored)).toContain('Học Tiếng Việt');
      expect(isNfc(sectionText(stored))).toBe(true);
    } finally {
      stored.destroy();
    }
  });

  it('brings the frame’s fields, its recipients and the opening paragraphs to NFC', async () => {
    const report = await createReport(server.url, {}, server.adminCookie);
    const room = formatRoomName({ reportId: report.id, part: { kind: 'frame' } });
    const [writer, reader] = [await connect(room), await connect(room)];
    writer.doc.transact(() => {
      const frame = writer.doc.getMap<unknown>(FRAME_MAP);
      frame.set('signerName', NGUYEN);
      (frame.get('recipients') as Y.Array<string>).push([TIENG_VIET]);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(TIENG_VIET)]);
      writer.doc.getXmlFragment(PREAMBLE_FRAGMENT).push([paragraph]);
    });
    await waitFor(() => readFrame(reader.doc).signerName === 'Nguyễn', { what: 'the repaired signer at the other client' });
    await waitFor(() => fragmentText(reader.doc.getXmlFragment(PREAMBLE_FRAGMENT)).includes('Tiếng Việt'), { what: 'the repaired preamble' });
    expect(readFrame(reader.doc).recipients).toEqual(['Lưu: VT', 'Tiếng Việt']);
    const stored = await storedDoc(server.store, room);
    try {
      const frame = readFrame(stored);
      expect(frame.signerName).toBe('Nguyễn');
      expect(frame.recipients).toEqual(['Lưu: VT', 'Tiếng Việt']);
      expect(isNfc(fragmentText(stored.getXmlFragment(PREAMBLE_FRAGMENT)))).toBe(true);
    } finally {
      stored.destroy();
    }
  });
});
