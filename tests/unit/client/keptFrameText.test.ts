/**
 * What the office's browser copy of a frame room holds that the server lacks, as text to copy
 * (client/src/frame/keptFrameText.ts): shown when the person may no longer write the frame.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PREAMBLE_FRAGMENT } from '../../../common/rooms.js';
import { keptFrameBlocks, keptFrameText } from '../../../client/src/frame/keptFrameText.js';

const noTally = () => '';

/** A frame room's document as the server has it: a subject, a place, recipients, one opening paragraph. */
function serverFrame(): Y.Doc {
  const doc = new Y.Doc();
  const frame = doc.getMap<unknown>('frame');
  frame.set('subject', 'Sơ kết công tác 6 tháng');
  frame.set('place', 'Lấp Vò');
  frame.set('recipients', Y.Array.from(['Sở Nội vụ', 'Lưu: VT']));
  addParagraph(doc, 'Thực hiện Kế hoạch số 12/KH-UBND.');
  return doc;
}

function addParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const preamble = doc.getXmlFragment(PREAMBLE_FRAGMENT);
  preamble.insert(preamble.length, [paragraph]);
}

/** A copy of `doc` (the browser's, which then goes its own way). */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('keptFrameText', () => {
  it('finds nothing when the copy says what the server says', () => {
    const server = serverFrame();
    expect(keptFrameText(copyOf(server), server, noTally)).toEqual({ fields: [], preamble: [] });
  });

  it('lists the fields whose kept value is not the server’s, with the kept value, a field emptied included', () => {
    const server = serverFrame();
    const local = copyOf(server);
    local.getMap('frame').set('subject', 'Sơ kết công tác 6 tháng đầu năm 2025');
    local.getMap('frame').set('place', '');
    local.getMap('frame').set('signerName', 'Nguyễn Văn An');
    expect(keptFrameText(local, server, noTally)).toEqual({
      fields: [
        { key: 'place', value: '' },
        { key: 'subject', value: 'Sơ kết công tác 6 tháng đầu năm 2025' },
        { key: 'signerName', value: 'Nguyễn Văn An' },
      ],
      preamble: [],
    });
  });

  it('lists the recipients, as one line, when the kept list differs', () => {
    const server = serverFrame();
    const local = copyOf(server);
    (local.getMap('frame').get('recipients') as Y.Array<string>).insert(1, ['UBND các xã']);
    expect(keptFrameText(local, server, noTally).fields).toEqual([{ key: 'recipients', value: 'Sở Nội vụ; UBND các xã; Lưu: VT' }]);
  });

  it('gives the whole kept opening paragraphs when their text differs, nothing when it does not', () => {
    const server = serverFrame();
    const local = copyOf(server);
    addParagraph(local, 'Căn cứ Chương trình công tác năm 2025.');
    expect(keptFrameText(local, server, noTally).preamble).toEqual(['Thực hiện Kế hoạch số 12/KH-UBND.', 'Căn cứ Chương trình công tác năm 2025.']);
    // The server got the same paragraph from elsewhere: nothing left to show.
    addParagraph(server, 'Căn cứ Chương trình công tác năm 2025.');
    expect(keptFrameText(local, server, noTally).preamble).toEqual([]);
  });

  it('leaves out what others changed on the server meanwhile, keeping only what the person changed', () => {
    const server = serverFrame();
    const local = copyOf(server);
    local.getMap('frame').set('subject', 'Sơ kết năm 2025');
    server.getMap('frame').set('agency', 'ỦY BAN NHÂN DÂN HUYỆN LẤP VÒ');
    (server.getMap('frame').get('recipients') as Y.Array<string>).insert(0, ['Thường trực HĐND huyện']);
    addParagraph(server, 'Một đoạn người khác viết.');
    expect(keptFrameText(local, server, noTally)).toEqual({ fields: [{ key: 'subject', value: 'Sơ kết năm 2025' }], preamble: [] });
  });

  it('keeps a field set offline even when a concurrent value won on the server', () => {
    const server = serverFrame();
    const local = copyOf(server);
    local.getMap('frame').set('subject', 'Bản của người soạn');
    server.getMap('frame').set('subject', 'Bản trên máy chủ');
    // Whoever wins when the two meet, the person's text is listed to copy.
    expect(keptFrameText(local, server, noTally).fields).toEqual([{ key: 'subject', value: 'Bản của người soạn' }]);
  });

  it('lists nothing for a change the server ended up with anyway', () => {
    const server = serverFrame();
    const local = copyOf(server);
    local.getMap('frame').set('place', 'Bình Thành');
    server.getMap('frame').set('place', 'Bình Thành');
    expect(keptFrameText(local, server, noTally)).toEqual({ fields: [], preamble: [] });
  });
});

describe('keptFrameBlocks', () => {
  it('writes each field as "<name>: <value>", then the name of the opening paragraphs and each of them', () => {
    const blocks = keptFrameBlocks(
      { fields: [{ key: 'subject', value: 'Sơ kết năm' }, { key: 'recipients', value: 'Sở Nội vụ; Lưu: VT' }], preamble: ['Đoạn một.', 'Đoạn hai.'] },
      (key) => ({ subject: 'Trích yếu nội dung', recipients: 'Nơi nhận' })[key as 'subject' | 'recipients'],
      'Phần mở đầu (căn cứ, mục đích)',
    );
    expect(blocks).toEqual([
      'Trích yếu nội dung: Sơ kết năm',
      'Nơi nhận: Sở Nội vụ; Lưu: VT',
      'Phần mở đầu (căn cứ, mục đích):',
      'Đoạn một.',
      'Đoạn hai.',
    ]);
  });

  it('gives no blocks when nothing is kept', () => {
    expect(keptFrameBlocks({ fields: [], preamble: [] }, () => 'x', 'y')).toEqual([]);
  });
});
