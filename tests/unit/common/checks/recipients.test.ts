import { describe, expect, it } from 'vitest';
import { archiveLine, standardArchiveLine } from '../../../../common/checks/rules/archiveLine.js';
import { recipientEnd } from '../../../../common/checks/rules/recipientEnd.js';
import { brief, context, report } from './support.js';

const withRecipients = (recipients: string[]) => report({ frame: { recipients } });

describe('"Nơi nhận": the last line ends with "."', () => {
  it('finds the last line stored with a "," of its own and stores it bare, to print with its "."', () => {
    const [finding, ...rest] = recipientEnd(withRecipients(['Sở Nội vụ', 'Lưu: VT, NV (Thu),']), context(), 'draft');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: 'recipient-end',
      severity: 'error',
      target: { kind: 'recipient', index: 1 },
      params: { mark: ',', expected: 'Lưu: VT, NV (Thu).' },
      fix: { kind: 'setRecipient', part: 'frame', index: 1, from: 'Lưu: VT, NV (Thu),', to: 'Lưu: VT, NV (Thu)' },
    });
    expect(finding!.clause).toContain('Điều 8 khoản 2 điểm i; Phụ lục I, nơi nhận');
  });

  it('reads the last line that prints, past blank ones; a bare line or one ending in "." is right', () => {
    expect(recipientEnd(withRecipients(['Sở Nội vụ', 'Lưu: VT, NV;', '  ']), context(), 'draft')[0]!.target).toEqual({ kind: 'recipient', index: 1 });
    expect(recipientEnd(withRecipients(['Sở Nội vụ;', 'Lưu: VT, NV']), context(), 'draft')).toEqual([]);
    expect(recipientEnd(withRecipients(['Lưu: VT, NV.']), context(), 'draft')).toEqual([]);
    expect(recipientEnd(withRecipients([]), context(), 'draft')).toEqual([]);
  });
});

describe('"Nơi nhận": the closing "Lưu: VT, …" line', () => {
  it('is present: without it, an error whose fix adds "Lưu: VT"', () => {
    const [finding] = archiveLine(withRecipients(['Sở Nội vụ']), context(), 'draft');
    expect(finding).toMatchObject({ rule: 'archive-line', severity: 'error', params: { problem: 'missing' }, fix: { kind: 'addRecipient', value: 'Lưu: VT' } });
  });

  it('is last', () => {
    expect(brief(archiveLine(withRecipients(['Lưu: VT, NV', 'Sở Nội vụ']), context(), 'draft'))).toEqual([
      { rule: 'archive-line', part: 'frame', severity: 'error', params: { problem: 'notLast', found: 'Lưu: VT, NV' } },
    ]);
  });

  it('reads "Lưu: VT, <unit>": "Lưu VT, NV" and "Lưu: NV" are fixed, "Lưu: VT" alone is a warning', () => {
    expect(archiveLine(withRecipients(['Sở Nội vụ', 'Lưu VT, NV']), context(), 'draft')[0]!.fix).toEqual({
      kind: 'setRecipient',
      part: 'frame',
      index: 1,
      from: 'Lưu VT, NV',
      to: 'Lưu: VT, NV',
    });
    expect(standardArchiveLine('Lưu: NV')).toBe('Lưu: VT, NV');
    expect(standardArchiveLine('Lưu: VT, NV (Thu)')).toBe('Lưu: VT, NV (Thu)');
    expect(brief(archiveLine(withRecipients(['Sở Nội vụ', 'Lưu: VT']), context(), 'draft'))).toEqual([
      { rule: 'archive-unit', part: 'frame', severity: 'warning', params: { found: 'Lưu: VT' } },
    ]);
    expect(archiveLine(withRecipients(['Sở Nội vụ', 'Lưu: VT, VX']), context(), 'draft')).toEqual([]);
  });
});
