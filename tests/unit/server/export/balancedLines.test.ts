import { describe, expect, it } from 'vitest';
import { balancedLines } from '../../../../server/export/balancedLines.js';
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
});
