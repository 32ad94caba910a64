import { describe, expect, it } from 'vitest';
import { documentSymbol, formatNumberLine, formatPlaceDate, padCount, parseIsoDate } from '../../../common/nd30Format.js';

describe('ND30 formats', () => {
  it('zero-pads counts under 10 only', () => {
    expect([0, 2, 9, 10, 19, 147].map(padCount)).toEqual(['00', '02', '09', '10', '19', '147']);
    expect(() => padCount(-1)).toThrow(RangeError);
    expect(() => padCount(1.5)).toThrow(RangeError);
  });

  it('joins type and agency symbols with "-" and no spaces', () => {
    expect(documentSymbol('BC', 'UBND')).toBe('BC-UBND');
    expect(documentSymbol(' KH ', ' UBND ')).toBe('KH-UBND');
    expect(documentSymbol('', 'UBND-VX')).toBe('UBND-VX');
  });

  it('writes the number line, blank until issued', () => {
    expect(formatNumberLine(5, 'BC-UBND')).toBe('Số: 05/BC-UBND');
    expect(formatNumberLine('12', 'BC-UBND')).toBe('Số: 12/BC-UBND');
    expect(formatNumberLine('', 'BC-UBND')).toBe('Số:      /BC-UBND');
    expect(formatNumberLine(null, 'BC-UBND')).toBe('Số:      /BC-UBND');
  });

  it('writes place and date with days under 10 and months 1–2 zero-padded', () => {
    expect(formatPlaceDate('Lấp Vò', '2024-02-05')).toBe('Lấp Vò, ngày 05 tháng 02 năm 2024');
    expect(formatPlaceDate('Lấp Vò', '2024-01-15')).toBe('Lấp Vò, ngày 15 tháng 01 năm 2024');
    expect(formatPlaceDate('Cao Lãnh', '2025-08-09')).toBe('Cao Lãnh, ngày 09 tháng 8 năm 2025');
    expect(formatPlaceDate('Cao Lãnh', '2025-12-31')).toBe('Cao Lãnh, ngày 31 tháng 12 năm 2025');
  });

  it('leaves the blanks of an undated report for the hand', () => {
    expect(formatPlaceDate('Lấp Vò', '', 2024)).toBe('Lấp Vò, ngày     tháng     năm 2024');
  });

  it('reads only real calendar dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2024-2-5')).toBeNull();
    expect(parseIsoDate('hôm nay')).toBeNull();
  });
});
