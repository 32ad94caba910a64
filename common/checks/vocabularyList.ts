/**
 * The word list of the spelling rule: misspellings of administrative vocabulary with their corrections,
 * shipped as data in `templates/vocabulary.vi.json` and bundled into both the server and the client, so that
 * both find the same slips. Its type and validator are here; the rule is rules/spelling.ts.
 */
import { z } from 'zod';
import bundled from '../../templates/vocabulary.vi.json';
import type { Severity } from './finding.js';

const text = z
  .string()
  .trim()
  .min(1)
  .transform((value) => value.normalize('NFC'));

export const vocabularyEntrySchema = z.strictObject({
  /** The misspelling, matched as whole words in any case. */
  wrong: text,
  /** Its correction; it takes the case of what was written (words/inCaseOf). */
  right: text,
  /** `error` (the default) stops the report from being issued; `warning` only says so. */
  severity: z.enum(['error', 'warning']).default('error'),
  note: z.string().optional(),
});

export const vocabularySchema = z.object({ entries: z.array(vocabularyEntrySchema) });

export type VocabularyEntry = z.output<typeof vocabularyEntrySchema> & { severity: Severity };
export type Vocabulary = readonly VocabularyEntry[];

/** Reads a word list; throws when it does not fit the schema. */
export function parseVocabulary(data: unknown): Vocabulary {
  return vocabularySchema.parse(data).entries;
}

/** The list shipped in `templates/vocabulary.vi.json`. */
export const VOCABULARY: Vocabulary = parseVocabulary(bundled);
