/**
 * Misspelt administrative vocabulary, from the word list shipped as data (templates/vocabulary.vi.json):
 * "Diễn hình" → "Điển hình", "Lắp Vò" → "Lấp Vò", "không hện" → "không hẹn". Whole words only, in any case,
 * the correction taking the case written (words.ts `inCaseOf`); texts and list are NFC. Each finding's fix
 * writes the correction in place.
 */
import type { Finding } from '../finding.js';
import { textPlaces, type TextPlace } from '../reportContent.js';
import { excerptAround, finding, quoted, type Rule } from '../rule.js';
import { replaceFix } from '../textFix.js';
import type { VocabularyEntry } from '../vocabularyList.js';
import { inCaseOf, isWholeWord } from '../words.js';

/** The entry as a pattern: its words in any case, one or more blanks between them. */
function pattern(entry: VocabularyEntry): RegExp {
  const words = entry.wrong.split(/\s+/u).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(words.join('[ \\u00A0]+'), 'giu');
}

function placeFindings(place: TextPlace, entries: ReadonlyArray<{ entry: VocabularyEntry; pattern: RegExp }>): Finding[] {
  const taken: Array<[number, number]> = [];
  const found: Array<{ at: number; finding: Finding }> = [];
  for (const { entry, pattern: regex } of entries) {
    for (const match of place.text.matchAll(regex)) {
      const [from, to] = [match.index, match.index + match[0].length];
      if (!isWholeWord(place.text, from, to) || taken.some(([a, b]) => from < b && a < to)) continue;
      const right = inCaseOf(match[0], entry.right);
      if (right === match[0]) continue;
      taken.push([from, to]);
      found.push({
        at: from,
        finding: finding({
          rule: 'spelling',
          severity: entry.severity,
          clause: 'content',
          part: place.part,
          target: place.target,
          at: from,
          message: `Sai chính tả: ${quoted(match[0])} → ${quoted(right)}.`,
          params: { found: match[0], expected: right },
          excerpt: excerptAround(place.text, from, to),
          fix: replaceFix(place, from, match[0], right),
        }),
      });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.finding);
}

export const spelling: Rule = (content, { vocabulary }) => {
  // Longer entries first: "trên địa huyện" is found before a shorter entry inside it could be.
  const entries = [...vocabulary].sort((a, b) => b.wrong.length - a.wrong.length).map((entry) => ({ entry, pattern: pattern(entry) }));
  return textPlaces(content, ['subject', 'parentAgency', 'agency', 'place']).flatMap((place) => placeFindings(place, entries));
};
