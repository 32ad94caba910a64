/**
 * Mentions in a comment: "@" followed by the name of a department or a person who may read the report.
 * The text keeps the names as typed; the ids go to the server (`mentions`) for those whose "@name" is
 * still in the text when it is sent.
 */
import type { Mentions } from '../../../common/review.js';

/** Someone "@" can offer. */
export interface MentionCandidate {
  kind: 'department' | 'person';
  id: string;
  name: string;
  /** A department's or person's second line in the list (a person's department). */
  detail?: string;
}

/** Lower case without accents, with đ as d, so "noi vu" finds "Nội vụ". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** The "@query" being typed just before `caret`, or null when the caret is not in one. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|\s)@([^\s@]{0,40}(?: [^\s@]{1,40}){0,3})$/u.exec(before);
  if (match === null) return null;
  const query = match[1] ?? '';
  return { start: caret - query.length - 1, query };
}

/** The candidates whose name contains every word of `query`, accents ignored; at most `limit`. */
export function matchCandidates(candidates: readonly MentionCandidate[], query: string, limit = 8): MentionCandidate[] {
  const words = foldForSearch(query).split(/\s+/).filter((word) => word !== '');
  return candidates.filter((candidate) => words.every((word) => foldForSearch(candidate.name).includes(word))).slice(0, limit);
}

/** The mentions of the chosen candidates whose "@name" is still in `text`. */
export function mentionsIn(text: string, chosen: readonly MentionCandidate[]): Mentions {
  const present = chosen.filter((candidate) => text.includes(`@${candidate.name}`));
  return {
    departmentIds: [...new Set(present.filter((candidate) => candidate.kind === 'department').map((candidate) => candidate.id))],
    userIds: [...new Set(present.filter((candidate) => candidate.kind === 'person').map((candidate) => candidate.id))],
  };
}

/** A comment's text cut into plain runs and "@name" runs of the names given, for showing mentions. */
export function splitMentions(text: string, names: readonly string[]): Array<{ text: string; mention: boolean }> {
  const tokens = [...new Set(names.filter((name) => name !== '').map((name) => `@${name}`))].sort((a, b) => b.length - a.length);
  const parts: Array<{ text: string; mention: boolean }> = [];
  let plain = '';
  let index = 0;
  while (index < text.length) {
    const token = tokens.find((candidate) => text.startsWith(candidate, index));
    if (token === undefined) {
      plain += text[index];
      index += 1;
      continue;
    }
    if (plain !== '') parts.push({ text: plain, mention: false });
    plain = '';
    parts.push({ text: token, mention: true });
    index += token.length;
  }
  if (plain !== '') parts.push({ text: plain, mention: false });
  return parts;
}
