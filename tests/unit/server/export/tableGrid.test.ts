import { describe, expect, it } from 'vitest';
import { sectionBlocks } from '../../../../server/export/bodyBlocks.js';
import type { TableBlock } from '../../../../server/export/exportModel.js';
import { cleanSpan, columnWidths, MAX_TABLE_COLUMNS, placeCells } from '../../../../server/export/tableGrid.js';

const one = { colspan: 1, rowspan: 1 };

describe('a table grid', () => {
  it('lays cells left to right, skipping the columns merged down from the rows above', () => {
    // | A (2 rows) | B         |
    // |            | C | D     |   ← C starts after A's column
    // | E | F | G |
    const { columns, starts } = placeCells([
      [{ colspan: 1, rowspan: 2 }, { colspan: 2, rowspan: 1 }],
      [one, one],
      [one, one, one],
    ]);
    expect(columns).toBe(3);
    expect(starts).toEqual([[0, 1], [1, 2], [0, 1, 2]]);
  });

  it('is as wide as its widest row, and cuts spans and cells at the last column', () => {
    expect(placeCells([[one], [one, one, one]]).columns).toBe(3);
    const { columns, starts } = placeCells([[{ colspan: 3, rowspan: 1 }, one], [one]], 2);
    expect(columns).toBe(2);
    expect(starts).toEqual([[0, -1], [0]]);
  });

  it('reads a span as a whole number from 1 to the limit', () => {
    expect([cleanSpan(3, 10), cleanSpan(50, 10), cleanSpan(0, 10), cleanSpan(-1, 10), cleanSpan(1.5, 10), cleanSpan('2', 10)]).toEqual([
      3, 10, 1, 1, 1, 1,
    ]);
  });

  it('prints columns evenly without widths from the editor, and in its proportions with them, adding up to the width', () => {
    expect(columnWidths([null, null, null], 9000)).toEqual([3000, 3000, 3000]);
    expect(columnWidths([null, null, null], 9001)).toEqual([3000, 3000, 3001]);
    expect(columnWidths([100, 300], 8000)).toEqual([2000, 6000]);
    // A column with no width takes the mean of the others.
    expect(columnWidths([100, null, 300], 6000)).toEqual([1000, 2000, 3000]);
  });

  it('gives the text of cells past Word’s last column to the cell before them', () => {
    const cells = Array.from({ length: MAX_TABLE_COLUMNS + 2 }, (_, index) => ({
      type: 'tableCell',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: `c${index + 1}` }] }],
    }));
    const [, table] = sectionBlocks(
      { number: 'I', title: 'Rộng', body: { type: 'doc', content: [{ type: 'table', content: [{ type: 'tableRow', content: cells }] }] } },
      { forms: [] } as never,
    ) as [unknown, TableBlock];
    expect(table.columns).toBe(MAX_TABLE_COLUMNS);
    expect(table.rows[0]).toHaveLength(MAX_TABLE_COLUMNS);
    const last = table.rows[0]![MAX_TABLE_COLUMNS - 1]!;
    expect(last.blocks.map((block) => (block.kind === 'paragraph' ? block.inlines.map((inline) => (inline.kind === 'text' ? inline.text : '')).join('') : ''))).toEqual([
      'c63',
      'c64',
      'c65',
    ]);
  });
});
