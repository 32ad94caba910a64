import { describe, expect, it } from 'vitest';
import { balancedLines, breakUnits } from '../../../../server/export/balancedLines.js';
import { HEADER_COLUMNS, SIZE, TEXT_WIDTH } from '../../../../server/export/layout.js';
import { textWidth } from '../../../../server/export/textWidth.js';

describe('lines of the frame', () => {
  it('keeps a name that fits on one line', () => {
    expect(balancedLines('UBND TỈNH ĐỒNG THÁP', SIZE.parentAgency, false, HEADER_COLUMNS[0])).toEqual(['UBND TỈNH ĐỒNG THÁP']);
  });

  it('breaks a name too long for its column into even lines, as a typist would', () => {
    expect(balancedLines('ỦY BAN NHÂN DÂN HUYỆN LẤP VÒ', SIZE.agency, true, HEADER_COLUMNS[0])).toEqual(['ỦY BAN NHÂN DÂN', 'HUYỆN LẤP VÒ']);
  });

  it('breaks a long subject into lines that each fit', () => {
    const subject = 'Kết quả sơ kết 01 năm triển khai thực hiện Đề án “Tuyên truyền gương điển hình tiên tiến” giai đoạn 2022 - 2025';
    const lines = balancedLines(subject, SIZE.subject, true, TEXT_WIDTH);
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe(subject);
    for (const line of lines) expect(textWidth(line, SIZE.subject, true)).toBeLessThan(TEXT_WIDTH);
    const [first, second] = lines.map((line) => textWidth(line, SIZE.subject, true));
    expect(Math.abs(first! - second!)).toBeLessThan(TEXT_WIDTH / 4);
  });

  it('leaves very long text and single long words to the word processor', () => {
    const long = 'chữ '.repeat(400).trim();
    expect(balancedLines(long, SIZE.subject, true, TEXT_WIDTH)).toEqual([long]);
    const word = 'x'.repeat(10_000);
    expect(balancedLines(word, SIZE.subject, true, TEXT_WIDTH)).toEqual([word]);
    expect(balancedLines('   ', SIZE.subject, true, TEXT_WIDTH)).toEqual([]);
  });

  it('never breaks inside a quoted name that fits on a line (issue 12: “Tuyên / truyền …”)', () => {
    const subject = 'Kết quả sơ kết 01 năm triển khai thực hiện Đề án “Tuyên truyền gương điển hình tiên tiến” giai đoạn 2022 - 2025';
    const lines = balancedLines(subject, SIZE.subject, true, TEXT_WIDTH);
    expect(lines).toEqual(['Kết quả sơ kết 01 năm triển khai thực hiện Đề án', '“Tuyên truyền gương điển hình tiên tiến” giai đoạn 2022 - 2025']);
    const straight = 'biểu hiện "tự diễn biến", "tự chuyển hóa" trong nội bộ';
    expect(breakUnits(straight, SIZE.subject, true, TEXT_WIDTH)).toEqual(['biểu', 'hiện', '"tự diễn biến",', '"tự chuyển hóa"', 'trong', 'nội', 'bộ']);
  });

  it('breaks a quotation too long for a line at its words, and one never closed likewise', () => {
    const long = `“${'gương điển hình tiên tiến '.repeat(6).trim()}”`;
    expect(breakUnits(long, SIZE.subject, true, TEXT_WIDTH)).toEqual(long.split(' '));
    expect(breakUnits('Đề án “Tuyên truyền gương', SIZE.subject, true, TEXT_WIDTH)).toEqual(['Đề', 'án', '“Tuyên', 'truyền', 'gương']);
  });

  it('breaks at ordinary spaces only: a no-break space holds', () => {
    expect(breakUnits('đạt 47\u00A0% và Q.\u00A0CHỦ TỊCH', SIZE.subject, true, TEXT_WIDTH)).toEqual(['đạt', '47\u00A0%', 'và', 'Q.\u00A0CHỦ', 'TỊCH']);
  });

  it('measures no-break spaces and hyphens as a space and a hyphen, curly quotes as Times New Roman draws them', () => {
    expect(textWidth('47\u00A0%', SIZE.body, false)).toBe(textWidth('47 %', SIZE.body, false));
    expect(textWidth('15/KH\u2011UBND', SIZE.body, true)).toBe(textWidth('15/KH-UBND', SIZE.body, true));
    // “ is 444/1000 em in Times New Roman, 500 in bold: at 14 pt, 124 and 140 twips.
    expect(textWidth('“', SIZE.body, false)).toBe(124);
    expect(textWidth('“', SIZE.body, true)).toBe(140);
  });
});
