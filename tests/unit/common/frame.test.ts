import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { authorityLine, bareRecipient, readFrame, recipientLines, signatureLines } from '../../../common/frame.js';

describe('the frame', () => {
  it('reads the frame map, with empty strings for missing keys and the recipients array', () => {
    const doc = new Y.Doc();
    const frame = doc.getMap('frame');
    frame.set('agency', 'ỦY BAN NHÂN DÂN XÃ LẤP VÒ');
    frame.set('number', 7 as unknown as string);
    const recipients = new Y.Array<string>();
    recipients.push(['Sở Nội vụ', 'Lưu: VT, NV']);
    frame.set('recipients', recipients);
    const read = readFrame(doc);
    expect(read.agency).toBe('ỦY BAN NHÂN DÂN XÃ LẤP VÒ');
    expect(read.number).toBe('');
    expect(read.subject).toBe('');
    expect(read.recipients).toEqual(['Sở Nội vụ', 'Lưu: VT, NV']);
    doc.destroy();
  });

  it('prints recipients as "- …;" with the last "- …." whatever punctuation was typed', () => {
    expect(recipientLines(['- Sở Nội vụ;', 'UBND xã, thị trấn', '', 'Lưu: VT, NV (Thu),'])).toEqual([
      '- Sở Nội vụ;',
      '- UBND xã, thị trấn;',
      '- Lưu: VT, NV (Thu).',
    ]);
    expect(bareRecipient('  – Các ngành liên quan; ')).toBe('Các ngành liên quan');
    expect(recipientLines([])).toEqual([]);
  });

  it('prints authority lines in upper case with one space after the abbreviation ("Q.CHỦ TỊCH" → "Q. CHỦ TỊCH")', () => {
    expect(authorityLine('Q.CHỦ TỊCH')).toBe('Q. CHỦ TỊCH');
    expect(authorityLine('tm.  ủy ban nhân dân')).toBe('TM. ỦY BAN NHÂN DÂN');
    expect(signatureLines({ signAuthority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', signTitle: 'Phó Chủ tịch' })).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
    ]);
    expect(signatureLines({ signAuthority: 'TM. ỦY BAN NHÂN DÂN', signTitle: '' })).toEqual(['TM. ỦY BAN NHÂN DÂN']);
  });
});
