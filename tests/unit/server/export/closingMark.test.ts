import { describe, expect, it } from 'vitest';
import { closeText, withClosingMark } from '../../../../server/export/closingMark.js';
import { inlineText, plain, type Block, type ParagraphBlock } from '../../../../server/export/exportModel.js';

const paragraph = (role: ParagraphBlock['role'], ...texts: string[]): ParagraphBlock => ({
  kind: 'paragraph',
  role,
  depth: 0,
  inlines: texts.map((text) => plain(text)),
});

const lastText = (blocks: Block[]) => {
  const last = blocks[blocks.length - 1]!;
  return last.kind === 'paragraph' ? inlineText(last.inlines) : last.kind;
};

describe('the body’s closing mark "./."', () => {
  it('ends a sentence with "./."', () => {
    expect(closeText('… trên địa bàn Huyện.')).toBe('… trên địa bàn Huyện./.');
    expect(closeText('… theo đúng quy định')).toBe('… theo đúng quy định./.');
    expect(closeText('… các cơ quan, đơn vị, địa phương;  ')).toBe('… các cơ quan, đơn vị, địa phương./.');
  });

  it('leaves a body that already ends with "./." as it is', () => {
    expect(closeText('… trên địa bàn Huyện./.')).toBe('… trên địa bàn Huyện./.');
    const blocks = withClosingMark([paragraph('body', 'Trên đây là báo cáo.', '/.')]);
    expect(lastText(blocks)).toBe('Trên đây là báo cáo./.');
  });

  it('is added to the last paragraph, after its last run, keeping that run’s marks', () => {
    const bold = { ...plain('kết luận'), bold: true };
    const blocks = withClosingMark([paragraph('sectionHeading', 'I. A'), { kind: 'paragraph', role: 'body', depth: 0, inlines: [plain('Đây là '), bold, { kind: 'break' }] }]);
    expect(blocks).toHaveLength(2);
    expect(blocks[1]).toMatchObject({ inlines: [{ text: 'Đây là ' }, { text: 'kết luận./.', bold: true }] });
  });

  it('gets a paragraph of its own after a table, a heading or an empty body', () => {
    const tally: Block = { kind: 'tally', rows: [], total: { collectives: 0, individuals: 0 } };
    for (const blocks of [[paragraph('body', 'Câu.'), tally], [paragraph('sectionHeading', 'IV. KIẾN NGHỊ')], [paragraph('item', '1. Mục')], []]) {
      const closed = withClosingMark(blocks);
      expect(closed).toHaveLength(blocks.length + 1);
      expect(lastText(closed)).toBe('./.');
    }
  });
});
