import { describe, expect, it } from 'vitest';
import { cleanText, upper } from '../../../../server/export/cleanText.js';

describe('text going into the Word file', () => {
  it('is NFC', () => {
    const decomposed = 'Tie\u0302\u0301ng Vie\u0323\u0302t, Đo\u0302\u0300ng Tha\u0301p';
    expect(cleanText(decomposed)).toBe('Tiếng Việt, Đồng Tháp');
    expect(cleanText(decomposed)).toBe(cleanText(decomposed).normalize('NFC'));
  });

  it('loses the characters XML 1.0 forbids but keeps tabs, line feeds, emoji and markup-like text', () => {
    const controls = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('');
    // The carriage return (U+000D) becomes a line feed.
    expect(cleanText(`a${controls}b`)).toBe('a\t\n\nb');
    expect(cleanText('x\uFFFE\uFFFF\u0085y')).toBe('xy');
    expect(cleanText('lone \uD800 high, lone \uDC00 low, pair 🎉')).toBe('lone  high, lone  low, pair 🎉');
    expect(cleanText('<w:p>]]>&amp;<script>')).toBe('<w:p>]]>&amp;<script>');
  });

  it('makes carriage returns line feeds', () => {
    expect(cleanText('một\r\nhai\rba')).toBe('một\nhai\nba');
  });

  it('reads anything that is not a string as empty', () => {
    for (const value of [undefined, null, 7, {}, ['a']]) expect(cleanText(value)).toBe('');
  });

  it('upper-cases Vietnamese', () => {
    expect(upper('ủy ban nhân dân huyện lấp vò')).toBe('ỦY BAN NHÂN DÂN HUYỆN LẤP VÒ');
  });
});
