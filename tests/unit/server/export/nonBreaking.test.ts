import { describe, expect, it } from 'vitest';
import { plain, type Block, type Inline } from '../../../../server/export/exportModel.js';
import { keepBlocksTogether, keepInlinesTogether, keepTogether, NO_BREAK_HYPHEN, NO_BREAK_SPACE } from '../../../../server/export/nonBreaking.js';

/** Shows the held characters: "·" a no-break space, "‑" stays as the no-break hyphen it is. */
const shown = (text: string) => text.replaceAll(NO_BREAK_SPACE, '·');

describe('where a printed line must not break', () => {
  it('holds a number to its unit, so "%" never starts a line', () => {
    expect(shown(keepTogether('tỷ lệ đạt 47 %.'))).toBe('tỷ lệ đạt 47·%.');
    expect(shown(keepTogether('giảm còn 0,38 %'))).toBe('giảm còn 0,38·%');
    expect(shown(keepTogether('dài 12 km, rộng 3 ha, 5 triệu đồng, 2 ‰'))).toBe('dài 12·km, rộng 3·ha, 5·triệu đồng, 2·‰');
    // Only units that end where a word ends: "5 mô hình" is not "5 m" of anything.
    expect(keepTogether('có 5 mô hình và 3 tập thể')).toBe('có 5 mô hình và 3 tập thể');
  });

  it('makes the hyphens of a document symbol no-break hyphens', () => {
    expect(keepTogether('Kế hoạch số 15/KH-UBND ngày 05/01/2025')).toBe(`Kế hoạch số 15/KH${NO_BREAK_HYPHEN}UBND ngày 05/01/2025`);
    expect(keepTogether('Kế hoạch số 47-KH/HU và 34-CT/TW')).toBe(`Kế hoạch số 47${NO_BREAK_HYPHEN}KH/HU và 34${NO_BREAK_HYPHEN}CT/TW`);
    expect(keepTogether('Nghị định 30/2020/NĐ-CP, Quyết định 1526/QĐ-TTg')).toBe(
      `Nghị định 30/2020/NĐ${NO_BREAK_HYPHEN}CP, Quyết định 1526/QĐ${NO_BREAK_HYPHEN}TTg`,
    );
  });

  it('leaves other hyphens and slashes alone: dates, ranges written without spaces, words, addresses', () => {
    for (const text of ['ngày 23/8/2023', 'giai đoạn 2020-2025', 'kinh tế - xã hội', 'Q.CT, PCT/UBND Huyện', 'các tổ chức CT-XH', 'https://x.vn/bao-cao/KH-1']) {
      expect(keepTogether(text), text).toBe(text);
    }
  });

  it('holds "Số:" to the number, and the blank left for a number not given yet', () => {
    expect(shown(keepTogether('Số: 05/BC-UBND'))).toBe(`Số:·05/BC${NO_BREAK_HYPHEN}UBND`);
    expect(shown(keepTogether('Số:      /BC-UBND'))).toBe(`Số:······/BC${NO_BREAK_HYPHEN}UBND`);
  });

  it('keeps the dash of a range on the line of its first number, and the authority’s abbreviation with its word', () => {
    expect(shown(keepTogether('giai đoạn 2022 - 2025 và 2021 – 2025'))).toBe('giai đoạn 2022·- 2025 và 2021·– 2025');
    expect(shown(keepTogether('Q. CHỦ TỊCH'))).toBe('Q.·CHỦ TỊCH');
    expect(shown(keepTogether('TM. ỦY BAN NHÂN DÂN'))).toBe('TM.·ỦY BAN NHÂN DÂN');
  });

  it('replaces one character for one, so offsets counted in characters stay right', () => {
    const text = 'Số:   /BC-UBND; 47 %; 15/KH-UBND; 2022 - 2025; Q. CHỦ TỊCH';
    expect(keepTogether(text)).toHaveLength(text.length);
  });

  it('holds across runs: "47" bold and " %" plain, with line breaks and comment marks between runs kept', () => {
    const inlines: Inline[] = [
      plain('đạt '),
      plain('47', { bold: true }),
      { kind: 'commentStart', id: 3 },
      plain(' %'),
      { kind: 'commentEnd', id: 3 },
      { kind: 'break' },
      plain('- 15/KH-UBND'),
    ];
    const kept = keepInlinesTogether(inlines);
    expect(kept.map((inline) => (inline.kind === 'text' ? shown(inline.text) : inline.kind))).toEqual([
      'đạt ',
      '47',
      'commentStart',
      '·%',
      'commentEnd',
      'break',
      `- 15/KH${NO_BREAK_HYPHEN}UBND`,
    ]);
    expect(kept[1]).toMatchObject({ bold: true });
  });

  it('touches only the body’s paragraphs', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', role: 'body', depth: 0, inlines: [plain('47 %')] },
      { kind: 'rule' },
      { kind: 'tally', rows: [{ award: 'Bằng khen 47 %', collectives: 1, individuals: 2 }], total: { collectives: 1, individuals: 2 } },
    ];
    const [paragraph, rule, tally] = keepBlocksTogether(blocks);
    expect(paragraph).toMatchObject({ inlines: [{ text: `47${NO_BREAK_SPACE}%` }] });
    expect(rule).toBe(blocks[1]);
    expect(tally).toBe(blocks[2]);
  });

  it('holds the text of table cells too', () => {
    const cell = (text: string) => ({
      header: false,
      colspan: 1,
      rowspan: 1,
      colwidth: [null],
      align: null,
      blocks: [{ kind: 'paragraph', role: 'body', depth: 0, inlines: [plain(text)] }] as Block[],
    });
    const [table] = keepBlocksTogether([{ kind: 'table', depth: 0, columns: 2, rows: [[cell('Tỷ lệ'), cell('47 %')]] }]);
    expect(table).toMatchObject({ rows: [[{ blocks: [{ inlines: [{ text: 'Tỷ lệ' }] }] }, { blocks: [{ inlines: [{ text: `47${NO_BREAK_SPACE}%` }] }] }]] });
  });
});
