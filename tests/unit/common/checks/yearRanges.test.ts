import { describe, expect, it } from 'vitest';
import { majoritySeparator, yearRanges, yearRangesIn } from '../../../../common/checks/rules/yearRanges.js';
import { blocks, context, report } from './support.js';

const place = (text: string) => ({ part: 'section/x', target: { kind: 'block', fragment: 'body', block: 0 } as const, text });

describe('one way of writing ranges of years', () => {
  it('flags each range written otherwise than most of the report, with a fix to its way', () => {
    const content = report({
      frame: { subject: 'Sơ kết Đề án giai đoạn 2022 - 2025' },
      sections: [
        { id: 'a', blocks: blocks({ p: 'Giai đoạn 2021 - 2025, giai đoạn 2021- 2025 và 2020 - 2025.' }) },
        { id: 'b', blocks: blocks({ p: 'Nhiệm kỳ 2020-2025, giai đoạn 2022 – 2025./.' }) },
      ],
    });
    const findings = yearRanges(content, context(), 'draft');
    expect(findings.map((finding) => [finding.part, finding.params.found, finding.params.expected, finding.severity])).toEqual([
      ['section/a', '2021- 2025', '2021 - 2025', 'warning'],
      ['section/b', '2020-2025', '2020 - 2025', 'warning'],
      ['section/b', '2022 – 2025', '2022 - 2025', 'warning'],
    ]);
    expect(findings[0]!.fix).toEqual({ kind: 'replace', part: 'section/a', fragment: 'body', block: 0, offset: 33, find: '2021- 2025', replace: '2021 - 2025' });
  });

  it('follows the report when most of it writes "2021-2025", and fixes a frame field whole', () => {
    const content = report({ frame: { subject: 'Giai đoạn 2021 - 2025' }, sections: [{ id: 'a', blocks: blocks({ p: 'Từ 2021-2025 và 2022-2025./.' }) }] });
    const [finding] = yearRanges(content, context(), 'draft');
    expect(finding!.fix).toEqual({ kind: 'setField', part: 'frame', field: 'subject', from: 'Giai đoạn 2021 - 2025', to: 'Giai đoạn 2021-2025' });
  });

  it('breaks a tie for " - ", else for the first seen', () => {
    expect(majoritySeparator(yearRangesIn([place('2021-2025 và 2022 - 2025')]))).toBe(' - ');
    expect(majoritySeparator(yearRangesIn([place('2021-2025 và 2022 – 2025')]))).toBe('-');
    expect(majoritySeparator([])).toBeNull();
  });

  it('reads only ranges of years: not dates, symbols, longer numbers or years that go back', () => {
    expect(yearRangesIn([place('ngày 23/8/2023, Kế hoạch số 47-KH/HU, 2025-2021, 12021-2025, 2021-20255, 1999 - 2003')]).map((range) => range.text)).toEqual(['1999 - 2003']);
  });
});
