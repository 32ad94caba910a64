/**
 * Word by word differences (common/textDiff.ts) on Vietnamese text: what was kept, deleted and inserted,
 * in NFC whatever form the text was typed in, and how alike two paragraphs are.
 */
import { describe, expect, it } from 'vitest';
import { diffWords, wordSimilarity, type TextChange } from '../../../common/textDiff.js';

const side = (changes: readonly TextChange[], drop: 'inserted' | 'deleted') =>
  changes
    .filter((change) => change.op !== drop)
    .map((change) => change.text)
    .join('');

describe('diffWords', () => {
  it('marks the words deleted and inserted in a changed sentence', () => {
    const before = 'Đã tổ chức 12 hội nghị sơ kết tại xã.';
    const after = 'Đã tổ chức 15 hội nghị tổng kết tại xã.';
    expect(diffWords(before, after)).toEqual([
      { op: 'same', text: 'Đã tổ chức ' },
      { op: 'deleted', text: '12' },
      { op: 'inserted', text: '15' },
      { op: 'same', text: ' hội nghị ' },
      { op: 'deleted', text: 'sơ' },
      { op: 'inserted', text: 'tổng' },
      { op: 'same', text: ' kết tại xã.' },
    ]);
  });

  it('gives a run of changed words as one deletion and one insertion', () => {
    expect(diffWords('Phòng Văn hóa và Thông tin', 'Phòng Văn hóa, Khoa học và Thông tin')).toEqual([
      { op: 'same', text: 'Phòng Văn ' },
      { op: 'deleted', text: 'hóa' },
      { op: 'inserted', text: 'hóa, Khoa học' },
      { op: 'same', text: ' và Thông tin' },
    ]);
    expect(diffWords('cũ kỹ lạc hậu', 'mới mẻ hiện đại')).toEqual([
      { op: 'deleted', text: 'cũ kỹ lạc hậu' },
      { op: 'inserted', text: 'mới mẻ hiện đại' },
    ]);
  });

  it('reads text typed with combining marks (NFD) as the same words precomposed (NFC)', () => {
    const nfc = 'Ủy ban nhân dân xã Lấp Vò';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(diffWords(nfd, nfc)).toEqual([{ op: 'same', text: nfc }]);
    const changes = diffWords(nfd, 'Ủy ban nhân dân phường Lấp Vò');
    expect(changes).toContainEqual({ op: 'deleted', text: 'xã' });
    expect(changes).toContainEqual({ op: 'inserted', text: 'phường' });
    for (const change of changes) expect(change.text).toBe(change.text.normalize('NFC'));
  });

  it('gives back both texts (in NFC): kept and deleted make the old, kept and inserted the new', () => {
    const pairs: Array<[string, string]> = [
      ['', 'Thêm mới hoàn toàn.'],
      ['Xóa hết.', ''],
      ['a  b\tc\nd', 'a b c d'],
      ['Kết quả khen thưởng: 03 tập thể', 'Kết quả khen thưởng: 05 tập thể và 12 cá nhân'],
    ];
    for (const [before, after] of pairs) {
      const changes = diffWords(before, after);
      expect(side(changes, 'inserted')).toBe(before);
      expect(side(changes, 'deleted')).toBe(after);
    }
  });
});

describe('wordSimilarity', () => {
  it('is 1 for the same words, 0 for none in common, and in between for an edited paragraph', () => {
    expect(wordSimilarity('Báo cáo sơ kết', 'Báo  cáo sơ kết')).toBe(1);
    expect(wordSimilarity('Báo cáo', 'Kế hoạch')).toBe(0);
    const edited = wordSimilarity('Đã tổ chức 12 hội nghị sơ kết tại xã.', 'Đã tổ chức 15 hội nghị tổng kết tại xã.');
    expect(edited).toBeGreaterThan(0.7);
    expect(edited).toBeLessThan(1);
  });
});
