import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Report } from '../../../../common/report.js';
import { FRAME_MAP, SECTION_FRAGMENT, formatRoomName, sectionRoom } from '../../../../common/rooms.js';
import { loadReport, readSectionBody } from '../../../../server/export/loadReport.js';
import type { StoredDocument } from '../../../../server/storage/store.js';

/** A store of rooms held in memory: each room a snapshot and the updates after it. */
function memoryStore(rooms: Map<string, StoredDocument>) {
  return {
    loadDocument: async (room: string): Promise<StoredDocument> => rooms.get(room) ?? { snapshot: null, updates: [], lastSeq: 0 },
  };
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

const report: Report = {
  id: 'r1',
  title: 'Báo cáo',
  status: 'review',
  templateId: 't',
  docType: 'BÁO CÁO',
  createdAt: '2024-01-01T00:00:00.000Z',
  sections: [
    { id: 's1', number: 'I', title: 'Một', ownerDepartmentId: null, room: sectionRoom('r1', 's1') },
    { id: 's2', number: 'II', title: 'Hai', ownerDepartmentId: null, room: sectionRoom('r1', 's2') },
  ],
};

describe('reading a report’s rooms for the export', () => {
  it('applies each room’s snapshot and then its updates, and reads the frame and every section', async () => {
    const frame = new Y.Doc();
    frame.getMap(FRAME_MAP).set('agency', 'ỦY BAN NHÂN DÂN XÃ A');
    const frameSnapshot = Y.encodeStateAsUpdate(frame);
    const before = Y.encodeStateVector(frame);
    const recipients = new Y.Array<string>();
    recipients.push(['Sở Nội vụ', 'Lưu: VT']);
    frame.getMap(FRAME_MAP).set('recipients', recipients);
    const frameUpdate = Y.encodeStateAsUpdate(frame, before);

    const section = new Y.Doc();
    section.getXmlFragment(SECTION_FRAGMENT).push([paragraph('Đoạn một')]);

    const rooms = new Map<string, StoredDocument>([
      [formatRoomName({ reportId: 'r1', part: { kind: 'frame' } }), { snapshot: frameSnapshot, updates: [frameUpdate], lastSeq: 2 }],
      [sectionRoom('r1', 's1'), { snapshot: null, updates: [Y.encodeStateAsUpdate(section)], lastSeq: 1 }],
    ]);
    const input = await loadReport(memoryStore(rooms), report, new Date('2025-06-01T00:00:00Z'));
    expect(input.status).toBe('review');
    expect(input.year).toBe(2025);
    expect(input.frame).toMatchObject({ agency: 'ỦY BAN NHÂN DÂN XÃ A', recipients: ['Sở Nội vụ', 'Lưu: VT'], subject: '' });
    expect(input.sections.map(({ number, title }) => `${number}. ${title}`)).toEqual(['I. Một', 'II. Hai']);
    expect(input.sections[0]!.body).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Đoạn một' }] }] });
    expect(input.sections[1]!.body).toMatchObject({ type: 'doc' });
  });

  it('fills in the schema’s defaults, such as a heading’s level', () => {
    const doc = new Y.Doc();
    const heading = new Y.XmlElement('heading');
    heading.insert(0, [new Y.XmlText('Mục')]);
    doc.getXmlFragment(SECTION_FRAGMENT).push([heading]);
    expect(readSectionBody(doc)).toMatchObject({ content: [{ type: 'heading', attrs: { level: 2 } }] });
  });

  it('keeps nodes the schema does not know as they were written', () => {
    const doc = new Y.Doc();
    const strange = new Y.XmlElement('khongBiet');
    strange.insert(0, [new Y.XmlText('chữ lạ')]);
    doc.getXmlFragment(SECTION_FRAGMENT).push([strange]);
    expect(readSectionBody(doc)).toMatchObject({ type: 'doc', content: [{ type: 'khongBiet', content: [{ type: 'text', text: 'chữ lạ' }] }] });
  });

  it('reads a body nested deeper than any editor nests as plain paragraphs, in order', () => {
    const doc = new Y.Doc();
    let inner = paragraph('sâu nhất');
    for (let level = 0; level < 500; level++) {
      const quote = new Y.XmlElement('blockquote');
      quote.insert(0, [inner]);
      inner = quote;
    }
    doc.getXmlFragment(SECTION_FRAGMENT).push([paragraph('trước'), inner, paragraph('sau')]);
    expect(readSectionBody(doc)).toEqual({
      type: 'doc',
      content: ['trước', 'sâu nhất', 'sau'].map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    });
  });
});
