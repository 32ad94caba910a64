/**
 * How a report reads now compared with one of its versions (issue 10, item 5): section by section, then
 * paragraph by paragraph — paragraphs matched as a longest common subsequence (sequenceDiff.ts), a deleted
 * and an inserted paragraph that share most of their words shown as one paragraph changed word by word
 * (textDiff.ts) — and the frame's fields. A pure function of two contents as the export prints them
 * (common/api/versions.ts), compared in NFC.
 */
import type {
  ContentBlock,
  ContentDiff,
  ContentSection,
  FrameChange,
  LineRole,
  ParagraphChange,
  PartDiff,
  SectionDiff,
  VersionContent,
} from './api/versions.js';
import { FRAME_TEXT_KEYS } from './frame.js';
import { diffSequences } from './sequenceDiff.js';
import { diffWords, wordSimilarity } from './textDiff.js';

/** One paragraph as compared: what it is, and its text. */
export interface Line {
  role: LineRole;
  text: string;
}

/** A deleted and an inserted paragraph at least this alike (textDiff.ts, `wordSimilarity`) are one changed. */
export const CHANGED_PARAGRAPH_SIMILARITY = 0.5;

/**
 * How far ahead among the inserted paragraphs a deleted one looks for its changed self: pairing costs a
 * word comparison per candidate, and a paragraph rewritten beyond recognition is shown deleted and inserted.
 */
const PAIRING_WINDOW = 16;

const nfc = (text: string) => text.normalize('NFC');

/** A tally row as one line: "Bằng khen của Chủ tịch UBND tỉnh: 3 tập thể, 12 cá nhân". */
function tallyRowLine(row: { award: string; collectives: number; individuals: number }): Line {
  return { role: 'tallyRow', text: nfc(`${row.award}: ${row.collectives} tập thể, ${row.individuals} cá nhân`) };
}

/** Blocks as the lines compared: each paragraph one, each row of a tally one, a rule one. */
export function contentLines(blocks: readonly ContentBlock[]): Line[] {
  return blocks.flatMap((block): Line[] => {
    switch (block.kind) {
      case 'paragraph':
        return [{ role: block.role, text: nfc(block.text) }];
      case 'tally':
        return block.rows.map(tallyRowLine);
      case 'rule':
        return [{ role: 'rule', text: '—' }];
    }
  });
}

/**
 * A stretch where the two differ: the deleted and the inserted lines, in order. A deleted line is paired
 * with the first inserted line ahead that is alike enough; the inserted lines it passes over come first.
 */
function pairHunk(deleted: readonly Line[], inserted: readonly Line[]): ParagraphChange[] {
  const changes: ParagraphChange[] = [];
  let next = 0;
  for (const line of deleted) {
    const end = Math.min(inserted.length, next + PAIRING_WINDOW);
    let match = -1;
    for (let index = next; index < end; index++) {
      if (wordSimilarity(line.text, inserted[index]!.text) >= CHANGED_PARAGRAPH_SIMILARITY) {
        match = index;
        break;
      }
    }
    if (match === -1) {
      changes.push({ op: 'deleted', role: line.role, text: line.text });
      continue;
    }
    for (const passed of inserted.slice(next, match)) changes.push({ op: 'inserted', role: passed.role, text: passed.text });
    const after = inserted[match]!;
    changes.push({ op: 'changed', role: after.role, before: line.text, after: after.text, words: diffWords(line.text, after.text) });
    next = match + 1;
  }
  for (const rest of inserted.slice(next)) changes.push({ op: 'inserted', role: rest.role, text: rest.text });
  return changes;
}

/** Every line, in order, kept or changed: `before` the version's, `after` today's. */
export function diffLines(before: readonly Line[], after: readonly Line[]): PartDiff {
  const key = (line: Line) => `${line.role}\u0000${line.text}`;
  const paragraphs: ParagraphChange[] = [];
  let deleted: Line[] = [];
  let inserted: Line[] = [];
  const flush = () => {
    paragraphs.push(...pairHunk(deleted, inserted));
    deleted = [];
    inserted = [];
  };
  for (const run of diffSequences(before.map(key), after.map(key))) {
    switch (run.op) {
      case 'equal':
        flush();
        for (const line of after.slice(run.bStart, run.bStart + run.count)) paragraphs.push({ op: 'same', role: line.role, text: line.text });
        break;
      case 'delete':
        deleted.push(...before.slice(run.aStart, run.aStart + run.count));
        break;
      case 'insert':
        inserted.push(...after.slice(run.bStart, run.bStart + run.count));
        break;
    }
  }
  flush();
  return { changed: paragraphs.some((paragraph) => paragraph.op !== 'same'), paragraphs };
}

/** The frame's fields that differ, in the order of CONTRACT.md; recipients as lines. */
export function diffFrame(before: VersionContent['frame'], after: VersionContent['frame']): FrameChange[] {
  const fields = [
    ...FRAME_TEXT_KEYS.map((field) => ({ field, before: before[field], after: after[field] })),
    { field: 'recipients' as const, before: before.recipients.join('\n'), after: after.recipients.join('\n') },
  ];
  return fields.flatMap(({ field, before: was, after: is }) => {
    const [a, b] = [nfc(was), nfc(is)];
    return a === b ? [] : [{ field, before: a, after: b, words: diffWords(a, b) }];
  });
}

function sectionDiff(section: ContentSection, before: ContentSection | undefined, after: ContentSection | undefined): SectionDiff {
  const part = diffLines(contentLines(before?.blocks ?? []), contentLines(after?.blocks ?? []));
  return { id: section.id, number: section.number, title: section.title, ...part };
}

/**
 * How `after` (the report now) differs from `before` (a version): the frame's changed fields, the opening
 * paragraphs, and every section of either, matched by id, in today's order (sections only the version has
 * come last).
 */
export function diffContent(before: VersionContent, after: VersionContent): ContentDiff {
  const old = new Map(before.sections.map((section) => [section.id, section]));
  const now = new Set(after.sections.map((section) => section.id));
  const sections = [
    ...after.sections.map((section) => sectionDiff(section, old.get(section.id), section)),
    ...before.sections.filter((section) => !now.has(section.id)).map((section) => sectionDiff(section, section, undefined)),
  ];
  const frame = diffFrame(before.frame, after.frame);
  const preamble = diffLines(contentLines(before.preamble), contentLines(after.preamble));
  const changed = frame.length > 0 || preamble.changed || sections.some((section) => section.changed);
  return { changed, frame, preamble, sections };
}
