/** A table in a version's content (server/versions/versionContent.ts): one line a row, cells separated by " | ". */
import { describe, expect, it } from 'vitest';
import { plain, type TableCellBlock } from '../../../../server/export/exportModel.js';
import { contentBlocks } from '../../../../server/versions/versionContent.js';

const cell = (...texts: string[]): TableCellBlock => ({
  header: false,
  colspan: 1,
  rowspan: 1,
  colwidth: [null],
  align: null,
  blocks: texts.map((text) => ({ kind: 'paragraph', role: 'body', depth: 0, inlines: [plain(text)] })),
});

describe('a table in a version’s content', () => {
  it('reads as one paragraph a row, its cells’ text separated by " | " and a cell’s paragraphs by line breaks', () => {
    const blocks = contentBlocks([
      {
        kind: 'table',
        depth: 1,
        columns: 2,
        rows: [
          [cell('Đơn vị'), cell('Số lượng')],
          [cell('Xã Tân Mỹ', 'Ấp 1'), cell()],
        ],
      },
    ]);
    expect(blocks).toEqual([
      { kind: 'paragraph', role: 'body', depth: 1, text: 'Đơn vị | Số lượng' },
      { kind: 'paragraph', role: 'body', depth: 1, text: 'Xã Tân Mỹ\nẤp 1 | ' },
    ]);
  });
});
