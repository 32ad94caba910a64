/**
 * Making a room's document read as a version (server/versions/readAsVersion.ts): the section body and the
 * frame end up exactly as the version, by the smallest edit — paragraphs the version shares keep their Yjs
 * items, so an edit made in one of them at the same moment survives the restore.
 */
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sectionSchema, type ProseMirrorJSON } from '../../../../common/editorSchema.js';
import { FRAME_MAP, PREAMBLE_FRAGMENT, SECTION_FRAGMENT } from '../../../../common/rooms.js';
import { readAsVersion } from '../../../../server/versions/readAsVersion.js';

const paragraph = (text: string): ProseMirrorJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const heading = (text: string): ProseMirrorJSON => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });
const tally = (collectives: number): ProseMirrorJSON => ({
  type: 'awardTally',
  content: [{ type: 'awardRow', attrs: { award: 'giay-khen-chu-tich-ubnd-xa', collectives, individuals: 12 } }],
});

/** A section room's document holding `content`, written as the editor writes it. */
function sectionDoc(...content: ProseMirrorJSON[]): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(sectionSchema, { type: 'doc', content }, doc.getXmlFragment(SECTION_FRAGMENT));
  return doc;
}

/** A copy of `doc` as another client holds it. */
function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

const bodyOf = (doc: Y.Doc, name = SECTION_FRAGMENT) => yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(name));

const section = { kind: 'section', sectionId: 'tham-muu' } as const;

describe('readAsVersion', () => {
  it('makes a section read exactly as its version, award tally counts included', () => {
    const version = sectionDoc(heading('Kết quả'), paragraph('Đã tổ chức 12 hội nghị.'), tally(3), paragraph('Kết luận.'));
    const edited = replica(version);
    const body = edited.getXmlFragment(SECTION_FRAGMENT);
    edited.transact(() => {
      const written = new Y.XmlElement('paragraph');
      written.insert(0, [new Y.XmlText('Đoạn viết sau.')]);
      body.delete(1, 1);
      body.insert(1, [written]);
      // Numbers, as y-prosemirror stores a node's attributes.
      ((body.get(2) as Y.XmlElement).get(0) as Y.XmlElement).setAttribute('collectives', 7 as unknown as string);
    });
    expect(bodyOf(edited)).not.toEqual(bodyOf(version));

    expect(readAsVersion(edited, version, section)).toBe(true);
    expect(bodyOf(edited)).toEqual(bodyOf(version));
  });

  it('keeps the paragraphs the version shares as they are, so a concurrent edit in one of them survives', () => {
    const version = sectionDoc(paragraph('Mở đầu.'), paragraph('Đã tổ chức 12 hội nghị.'), paragraph('Kết luận.'));
    const server = replica(version);
    const kept = server.getXmlFragment(SECTION_FRAGMENT).get(0);
    // Since the version, someone rewrote the middle paragraph.
    server.transact(() => {
      const middle = (server.getXmlFragment(SECTION_FRAGMENT).get(1) as Y.XmlElement).get(0) as Y.XmlText;
      middle.delete(0, middle.length);
      middle.insert(0, 'Đã tổ chức 15 hội nghị.');
    });
    // A writer who has that, and types at the end of the first paragraph while the restore is being made.
    const writer = replica(server);
    ((writer.getXmlFragment(SECTION_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(7, ' Bổ sung');

    const restore: Uint8Array[] = [];
    server.on('update', (update: Uint8Array) => restore.push(update));
    server.transact(() => expect(readAsVersion(server, version, section)).toBe(true));
    expect(server.getXmlFragment(SECTION_FRAGMENT).get(0)).toBe(kept);

    Y.applyUpdate(writer, Y.mergeUpdates(restore));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(writer));
    const texts = (doc: Y.Doc) => (bodyOf(doc).content as ProseMirrorJSON[]).map((node) => node.content?.[0]?.text);
    expect(texts(server)).toEqual(['Mở đầu. Bổ sung', 'Đã tổ chức 12 hội nghị.', 'Kết luận.']);
    expect(texts(writer)).toEqual(texts(server));
  });

  it('changes nothing, and returns false, when the room already reads as the version', () => {
    const version = sectionDoc(paragraph('Không đổi.'));
    const live = replica(version);
    let updates = 0;
    live.on('update', () => updates++);
    live.transact(() => expect(readAsVersion(live, version, section)).toBe(false));
    expect(updates).toBe(0);
  });

  it('makes the frame read as its version: keys set and deleted, recipients and opening paragraphs as they were', () => {
    const version = new Y.Doc();
    version.transact(() => {
      const frame = version.getMap(FRAME_MAP);
      frame.set('subject', 'Sơ kết công tác thi đua 6 tháng đầu năm 2025');
      frame.set('symbol', 'BC-UBND');
      const recipients = new Y.Array<string>();
      recipients.push(['UBND tỉnh', 'Lưu: VT']);
      frame.set('recipients', recipients);
      prosemirrorJSONToYXmlFragment(sectionSchema, { type: 'doc', content: [paragraph('Thực hiện Kế hoạch số 12.')] }, version.getXmlFragment(PREAMBLE_FRAGMENT));
    });
    const live = replica(version);
    live.transact(() => {
      const frame = live.getMap<unknown>(FRAME_MAP);
      frame.set('subject', 'Tổng kết năm 2025');
      frame.delete('symbol');
      frame.set('signerName', 'Nguyễn Văn A');
      (frame.get('recipients') as Y.Array<string>).insert(1, ['Sở Nội vụ']);
      (live.getXmlFragment(PREAMBLE_FRAGMENT).get(0) as Y.XmlElement).insert(1, [new Y.XmlText(' thêm')]);
    });

    expect(readAsVersion(live, version, { kind: 'frame' })).toBe(true);
    expect(live.getMap(FRAME_MAP).toJSON()).toEqual(version.getMap(FRAME_MAP).toJSON());
    expect(bodyOf(live, PREAMBLE_FRAGMENT)).toEqual(bodyOf(version, PREAMBLE_FRAGMENT));
  });

  it('never restores the review room, which mirrors the database', () => {
    expect(() => readAsVersion(new Y.Doc(), new Y.Doc(), { kind: 'review' })).toThrow(/not restored/);
  });
});
