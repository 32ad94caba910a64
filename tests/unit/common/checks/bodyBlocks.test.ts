import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blockElement, readBlocks } from '../../../../common/checks/bodyBlocks.js';
import { SECTION_FRAGMENT } from '../../../../common/rooms.js';
import { doc, h, p, sectionDoc, text } from './docs.js';

describe('a fragment read as blocks', () => {
  it('lists paragraphs and headings wherever they sit, and tallies with their rows, in document order', () => {
    const ydoc = sectionDoc(
      doc(
        h('Kết quả'),
        p('Đoạn ', text('nghiêng', [{ type: 'italic' }]), { type: 'hardBreak' }, 'dòng hai'),
        { type: 'bulletList', content: [{ type: 'listItem', content: [p('Mục một;')] }, { type: 'listItem', content: [p('Mục hai.')] }] },
        { type: 'awardTally', content: [{ type: 'awardRow', attrs: { award: 'co-thi-dua-tinh', collectives: 3, individuals: 0 } }] },
        p(),
      ),
    );
    const blocks = readBlocks(ydoc.getXmlFragment(SECTION_FRAGMENT));
    expect(blocks).toEqual([
      { kind: 'text', index: 0, node: 'heading', level: 2, text: 'Kết quả', inside: [] },
      { kind: 'text', index: 1, node: 'paragraph', level: 0, text: 'Đoạn nghiêng\ndòng hai', inside: [] },
      { kind: 'text', index: 2, node: 'paragraph', level: 0, text: 'Mục một;', inside: ['bulletList', 'listItem'] },
      { kind: 'text', index: 3, node: 'paragraph', level: 0, text: 'Mục hai.', inside: ['bulletList', 'listItem'] },
      { kind: 'tally', index: 4, rows: [{ award: 'co-thi-dua-tinh', collectives: 3, individuals: 0 }], inside: [] },
      { kind: 'text', index: 5, node: 'paragraph', level: 0, text: '', inside: [] },
    ]);
    expect(blockElement(ydoc.getXmlFragment(SECTION_FRAGMENT), 3)?.toString()).toContain('Mục hai.');
    expect(blockElement(ydoc.getXmlFragment(SECTION_FRAGMENT), 6)).toBeNull();
  });

  it('reads text in NFC', () => {
    const ydoc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Diễn hình'.normalize('NFD'))]);
    ydoc.getXmlFragment(SECTION_FRAGMENT).insert(0, [paragraph]);
    expect(readBlocks(ydoc.getXmlFragment(SECTION_FRAGMENT))[0]).toMatchObject({ text: 'Diễn hình'.normalize('NFC') });
  });
});
