import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spelling } from '../../../../common/checks/rules/spelling.js';
import { parseVocabulary, VOCABULARY } from '../../../../common/checks/vocabularyList.js';
import { blocks, context, report } from './support.js';

const fixes = (text: string, vocabulary = VOCABULARY) =>
  spelling(report({ sections: [{ id: 'a', blocks: blocks({ p: text }) }] }), context({ vocabulary }), 'draft').map((finding) => [finding.params.found, finding.params.expected]);

describe('administrative vocabulary spelt right', () => {
  it('corrects the sample’s misspellings from the word list shipped as data', () => {
    expect(fixes('Diễn hình tiên tiến trong Phong trào “Lắp Vò chung tay”; Mô hình “Ngày thứ 5 không hện”.')).toEqual([
      ['Diễn hình', 'Điển hình'],
      ['Lắp Vò', 'Lấp Vò'],
      ['không hện', 'không hẹn'],
    ]);
    expect(fixes('I. CÔNG TÁC THAM MUỘ TRIỂN KHAI THỰC HIỆN')).toEqual([['THAM MUỘ', 'THAM MƯU']]);
  });

  it('keeps the case written: lower, capitals, word by word', () => {
    expect(fixes('các gương diễn hình, DIỄN HÌNH, huyện lắp vò')).toEqual([
      ['diễn hình', 'điển hình'],
      ['DIỄN HÌNH', 'ĐIỂN HÌNH'],
      ['lắp vò', 'Lấp Vò'],
    ]);
    expect(fixes('đã triển khai trên địa Huyện')).toEqual([['trên địa Huyện', 'trên địa bàn huyện']]);
  });

  it('matches whole words only, across any blanks, in NFC', () => {
    expect(fixes('lắp vòng bi, lắp ráp, diễn hìnhh')).toEqual([]);
    expect(fixes('Diễn  hình')).toEqual([['Diễn  hình', 'Điển hình']]);
    const decomposed = 'Die\u0302\u0303n hình'.normalize('NFD');
    expect(fixes(decomposed.normalize('NFC'))).toEqual([['Diễn hình', 'Điển hình']]);
    expect(parseVocabulary({ entries: [{ wrong: 'die\u0302\u0303n hình', right: 'điển hình' }] })[0]!.wrong).toBe('diễn hình');
  });

  it('gives each finding a fix in place, and takes its severity from the list', () => {
    const [finding] = spelling(report({ sections: [{ id: 'a', blocks: blocks({ p: 'Các gương Diễn hình.' }) }] }), context(), 'draft');
    expect(finding).toMatchObject({ rule: 'spelling', severity: 'error', fix: { kind: 'replace', offset: 10, find: 'Diễn hình', replace: 'Điển hình' } });
    const warning = parseVocabulary({ entries: [{ wrong: 'sử lý', right: 'xử lý', severity: 'warning' }] });
    expect(spelling(report({ sections: [{ id: 'a', blocks: blocks({ p: 'sử lý' }) }] }), context({ vocabulary: warning }), 'draft')[0]!.severity).toBe('warning');
  });

  it('reads the agency’s name and the place too', () => {
    const found = spelling(report({ frame: { agency: 'ỦY BAN NHÂN DÂN HUYỆN LẮP VÒ', place: 'Lắp Vò' } }), context(), 'draft');
    expect(found.map((finding) => finding.fix)).toEqual([
      { kind: 'setField', part: 'frame', field: 'agency', from: 'ỦY BAN NHÂN DÂN HUYỆN LẮP VÒ', to: 'ỦY BAN NHÂN DÂN HUYỆN LẤP VÒ' },
      { kind: 'setField', part: 'frame', field: 'place', from: 'Lắp Vò', to: 'Lấp Vò' },
    ]);
  });

  it('ships a list that fits its schema, each entry a real correction', () => {
    const data = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../templates/vocabulary.vi.json'), 'utf8'));
    const list = parseVocabulary(data);
    expect(list.length).toBeGreaterThanOrEqual(4);
    for (const entry of list) expect(entry.wrong.toLocaleLowerCase('vi')).not.toBe(entry.right.toLocaleLowerCase('vi'));
  });
});
