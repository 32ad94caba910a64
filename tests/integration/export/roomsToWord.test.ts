/**
 * The export reads what the rooms hold now: an edit made by a client is in the next download, and whatever
 * a client writes into a room — text that looks like XML or HTML, control characters, a 10,000-character
 * word, emoji, decomposed Vietnamese, nodes the schema does not know, empty sections — gives a valid file,
 * never a 500 (issue 5, "Tests").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Report } from '../../../common/report.js';
import { FRAME_MAP, formatRoomName } from '../../../common/rooms.js';
import { loadRoom } from '../../../server/export/loadReport.js';
import { createReport } from '../../helpers/api.js';
import { useRoomClients } from '../../helpers/roomClients.js';
import { body, sectionText } from '../../helpers/sectionText.js';
import { startServer, type TestServer } from '../../helpers/startServer.js';
import { waitFor } from '../../helpers/waitFor.js';
import { convertWithLibreOffice, docxParts, malformedParts, pdfInfo, readParagraphs } from './support/docxFile.js';
import { downloadExport, fetchExport } from './support/exportServer.js';

const CONTROLS = Array.from({ length: 9 }, (_, code) => String.fromCharCode(code)).join(''); // U+0000–U+0008
const LONG_WORD = 'x'.repeat(10_000);
const HOSTILE = `<w:p><w:r><w:t>chèn</w:t></w:r></w:p> ]]> &amp; <b>đậm</b><script>alert(1)</script>${CONTROLS}🎉👩‍👩‍👧 Tie\u0302\u0301ng Vie\u0323\u0302t`;
/** HOSTILE as the file must hold it: controls gone, NFC. */
const HOSTILE_CLEAN = '<w:p><w:r><w:t>chèn</w:t></w:r></w:p> ]]> &amp; <b>đậm</b><script>alert(1)</script>🎉👩‍👩‍👧 Tiếng Việt';

function paragraph(text: string, format?: Record<string, unknown>): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  content.insert(0, text, format);
  element.insert(0, [content]);
  return element;
}

function element(name: string, attributes: Record<string, unknown>, children: Array<Y.XmlElement | Y.XmlText> = []): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}

describe('the export of what the rooms hold', () => {
  let server: TestServer;
  let report: Report;

  /** Waits until the store holds what `check` looks for in `room`. */
  async function stored(room: string, check: (doc: Y.Doc) => boolean, what: string): Promise<void> {
    await waitFor(
      async () => {
        const doc = await loadRoom(server.store, room);
        const done = check(doc);
        doc.destroy();
        return done;
      },
      { what },
    );
  }

  beforeAll(async () => {
    server = await startServer();
    report = await createReport(server.url, { title: 'Báo cáo thử nội dung phòng' }, server.adminCookie);
  });

  afterAll(async () => {
    await server?.close();
  });
  // Synced clients as the admin (who may write every room); registered after the server's afterAll, so
  // they leave before it closes.
  const open = useRoomClients(() => server, () => server.adminCookie, { until: 'all' });

  it('holds an edit made in a room in the next download, with the closing mark moved to it', async () => {
    const room = report.sections[3]!.room;
    const client = await open(room);
    body(client.doc).push([paragraph('Đoạn vừa thêm từ phòng soạn thảo')]);
    await stored(room, (doc) => sectionText(doc).includes('Đoạn vừa thêm'), 'the new paragraph stored');
    const paragraphs = await readParagraphs(await downloadExport(server.url, server.adminCookie, report.id));
    expect(paragraphs[paragraphs.indexOf('Nơi nhận:') - 1]).toBe('Đoạn vừa thêm từ phòng soạn thảo./.');
  });

  /** Writes hostile content into sections I and II and the frame, and waits until the store holds it. */
  async function writeHostileContent(): Promise<void> {
    const [first, second] = [report.sections[0]!.room, report.sections[1]!.room];
    const a = await open(first);
    const rows = [element('awardRow', { award: '<x>&"', collectives: 'nhiều', individuals: -3 }), element('awardRow', { award: 'co-thi-dua-tinh', collectives: 2 })];
    body(a.doc).push([
      paragraph(HOSTILE),
      paragraph(`từ-dài ${LONG_WORD}`, { bold: {} }),
      paragraph('liên kết', { link: { href: 'javascript:alert(1)' } }),
      element('mysteryNode', { 'data-x': '<y>' }, [new Y.XmlText('chữ trong nút lạ')]),
      element('awardTally', {}, rows),
    ]);
    const b = await open(second);
    body(b.doc).delete(0, body(b.doc).length);

    const frameRoom = formatRoomName({ reportId: report.id, part: { kind: 'frame' } });
    const f = await open(frameRoom);
    f.doc.transact(() => {
      const frame = f.doc.getMap(FRAME_MAP);
      for (const key of ['parentAgency', 'agency', 'place', 'subject', 'signTitle', 'signerName']) frame.set(key, HOSTILE);
      frame.set('number', '\u0000');
      frame.set('date', '<2024-13-45>');
      frame.set('symbol', 'BC-UBND]]>');
      const recipients = new Y.Array<string>();
      recipients.push([HOSTILE, '', LONG_WORD]);
      frame.set('recipients', recipients);
    });
    await stored(first, (doc) => sectionText(doc).includes('chữ trong nút lạ'), 'the hostile section stored');
    await stored(second, (doc) => body(doc).length === 0, 'the emptied section stored');
    await stored(frameRoom, (doc) => doc.getMap(FRAME_MAP).get('date') === '<2024-13-45>', 'the hostile frame stored');
  }

  describe('with hostile content in the rooms', () => {
    beforeAll(writeHostileContent);

    it('gives a valid file for hostile text, unknown nodes, empty sections and a hostile frame', async () => {
      const response = await fetchExport(server.url, server.adminCookie, report.id);
      expect(response.status).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const parts = await docxParts(bytes);
      expect(malformedParts(parts)).toEqual([]);
      const paragraphs = await readParagraphs(bytes);
      expect(paragraphs).toContain(HOSTILE_CLEAN);
      expect(paragraphs).toContain(`từ-dài ${LONG_WORD}`);
      expect(paragraphs).toContain('chữ trong nút lạ');
      expect(paragraphs).toContain('<x>&"');
      expect(paragraphs).toContain('II. KẾT QUẢ TRIỂN KHAI THỰC HIỆN');
      expect(paragraphs).toContain(`- ${LONG_WORD}.`);
      expect(paragraphs.join('\n')).toBe(paragraphs.join('\n').normalize('NFC'));
      expect(parts.get('word/_rels/document.xml.rels')).not.toContain('javascript:');
    });

    it('gives a file LibreOffice opens and lays out', async () => {
      const bytes = await downloadExport(server.url, server.adminCookie, report.id);
      const { pdf, cleanup } = await convertWithLibreOffice(bytes, 'hostile');
      try {
        const info = await pdfInfo(pdf);
        expect(info.pages).toBeGreaterThanOrEqual(1);
        expect(info.pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts/);
      } finally {
        await cleanup();
      }
    }, 180_000);
  });
});
