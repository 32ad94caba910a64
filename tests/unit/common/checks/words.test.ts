import { describe, expect, it } from 'vitest';
import { excerptAround } from '../../../../common/checks/rule.js';
import { inCaseOf, isWholeWord, startsSentence } from '../../../../common/checks/words.js';

describe('words in Vietnamese text', () => {
  it('gives a correction the case written', () => {
    expect(inCaseOf('Diễn hình', 'điển hình')).toBe('Điển hình');
    expect(inCaseOf('DIỄN HÌNH', 'điển hình')).toBe('ĐIỂN HÌNH');
    expect(inCaseOf('diễn hình', 'điển hình')).toBe('điển hình');
    expect(inCaseOf('lắp vò', 'Lấp Vò')).toBe('Lấp Vò');
    expect(inCaseOf('Trên địa huyện', 'trên địa bàn huyện')).toBe('Trên địa bàn huyện');
  });

  it('quotes the words around a finding, cut at blanks', () => {
    const text = 'Thực hiện Kế hoạch số 193/KH-UBND ngày 31/12/2020 của Ủy ban nhân dân Huyện về phát triển kinh tế - xã hội 5 năm, giai đoạn 2021- 2025.';
    const at = text.indexOf('Huyện');
    expect(excerptAround(text, at, at + 5)).toBe('…của Ủy ban nhân dân Huyện về phát triển kinh tế - xã…');
    expect(excerptAround('Xong.', 0, 4)).toBe('Xong.');
  });

  it('knows whole words and where a sentence or a clause starts', () => {
    expect(isWholeWord('huyện Lấp Vò', 0, 5)).toBe(true);
    expect(isWholeWord('Huyệnx', 0, 5)).toBe(false);
    expect(startsSentence('Xong. Huyện', 6)).toBe(true);
    expect(startsSentence('như sau: “Huyện', 10)).toBe(true);
    expect(startsSentence('của Huyện', 4)).toBe(false);
  });
});
