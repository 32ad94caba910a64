/**
 * "tỉnh", "huyện", "xã" are common nouns, written in lower case inside a sentence — "Ủy ban nhân dân huyện",
 * "huyện Lấp Vò" (PL II, ND30.md "Checks worth automating": "Huyện" capitalised inside a sentence). A
 * warning, whose fix writes the word in lower case. Not at the start of a sentence or of a clause after
 * ":", and not where the capital is part of a name ("Huyện ủy", "Tỉnh lộ 848", NAME_WORD).
 */
import type { Finding } from '../finding.js';
import { textPlaces, type TextPlace } from '../reportContent.js';
import { excerptAround, finding, quoted, type Rule } from '../rule.js';
import { replaceFix } from '../textFix.js';
import { isWholeWord, lower, startsSentence } from '../words.js';

const UNIT = /(Tỉnh|Huyện|Xã)/gu;

/**
 * The words after which the capital is part of a name: bodies ("Huyện ủy", "Tỉnh đoàn", "Huyện đội"), roads
 * ("Tỉnh lộ 848") and "Xã hội" in a ministry's name ("Bộ Lao động - Thương binh và Xã hội").
 */
const NAME_WORD = /^[ \u00A0]+(ủy|uỷ|Ủy|Uỷ|đoàn|Đoàn|đội|Đội|lộ|Lộ|hội|Hội)(?![\p{L}\p{M}])/u;

function placeFindings(place: TextPlace): Finding[] {
  const found: Finding[] = [];
  for (const match of place.text.matchAll(UNIT)) {
    const word = match[0];
    const offset = match.index;
    if (!isWholeWord(place.text, offset, offset + word.length)) continue;
    if (startsSentence(place.text, offset) || NAME_WORD.test(place.text.slice(offset + word.length))) continue;
    const fixed = lower(word);
    found.push(
      finding({
        rule: 'admin-unit-case',
        severity: 'warning',
        clause: 'capitals',
        part: place.part,
        target: place.target,
        at: offset,
        message: `${quoted(word)} là danh từ chung, viết thường trong câu: ${quoted(fixed)}.`,
        params: { found: word, expected: fixed },
        excerpt: excerptAround(place.text, offset, offset + word.length),
        fix: replaceFix(place, offset, word, fixed),
      }),
    );
  }
  return found;
}

export const adminUnitCase: Rule = (content) => textPlaces(content).flatMap(placeFindings);
