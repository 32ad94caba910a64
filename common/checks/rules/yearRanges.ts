/**
 * One way of writing a range of years across the report ("giai đoạn 2021 - 2025"): the sample writes it
 * four ways ("2022 - 2025", "2021- 2025", "2022-2025", "2022 – 2025", ND30.md "Checks worth automating").
 * The way most of the report writes it is the report's; every other one is a warning whose fix writes it so.
 * On a tie, " - " (the way the motto joins its words) wins, then the first seen.
 */
import type { Finding } from '../finding.js';
import type { TextPlace } from '../reportContent.js';
import { textPlaces } from '../reportContent.js';
import { excerptAround, finding, quoted, type Rule } from '../rule.js';
import { replaceFix } from '../textFix.js';

/** Two years (1900–2099) joined by a hyphen or a dash, with or without blanks; not inside a longer number. */
const RANGE = /(?<!\d)((?:19|20)\d\d)([ \u00A0]*[-–—][ \u00A0]*)((?:19|20)\d\d)(?!\d)/gu;

const PREFERRED = ' - ';

interface YearRange {
  place: TextPlace;
  offset: number;
  text: string;
  from: string;
  separator: string;
  to: string;
}

/** Every range of years in the texts, the later year after the earlier. */
export function yearRangesIn(places: readonly TextPlace[]): YearRange[] {
  return places.flatMap((place) =>
    [...place.text.matchAll(RANGE)]
      .filter((match) => Number(match[3]) > Number(match[1]))
      .map((match) => ({ place, offset: match.index, text: match[0], from: match[1]!, separator: match[2]!.replace(/\u00A0/g, ' '), to: match[3]! })),
  );
}

/** The separator most ranges use; " - " on a tie with it, else the first seen of the tied. */
export function majoritySeparator(ranges: readonly YearRange[]): string | null {
  const counts = new Map<string, number>();
  for (const range of ranges) counts.set(range.separator, (counts.get(range.separator) ?? 0) + 1);
  const most = Math.max(0, ...counts.values());
  const tied = [...counts.keys()].filter((separator) => counts.get(separator) === most);
  if (tied.length === 0) return null;
  return tied.includes(PREFERRED) ? PREFERRED : tied[0]!;
}

export const yearRanges: Rule = (content) => {
  const ranges = yearRangesIn(textPlaces(content));
  const separator = majoritySeparator(ranges);
  if (separator === null) return [];
  const sample = (range: YearRange) => `${range.from}${separator}${range.to}`;
  return ranges
    .filter((range) => range.separator !== separator)
    .map(
      (range): Finding =>
        finding({
          rule: 'year-range',
          severity: 'warning',
          clause: 'content',
          part: range.place.part,
          target: range.place.target,
          at: range.offset,
          message: `Khoảng năm viết thống nhất như phần lớn báo cáo: ${quoted(range.text)} → ${quoted(sample(range))}.`,
          params: { found: range.text, expected: sample(range) },
          excerpt: excerptAround(range.place.text, range.offset, range.offset + range.text.length),
          fix: replaceFix(range.place, range.offset, range.text, sample(range)),
        }),
    );
};
