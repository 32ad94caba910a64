/**
 * What the form checker (thể thức, issue 12) answers: findings, each naming the part of the report it is
 * about, the clause of Nghị định 30/2020/NĐ-CP it rests on, a message in Vietnamese and, where one exists, a
 * fix — data, applied as an ordinary Yjs edit (applyFix.ts). `GET /api/reports/:id/checks` (CONTRACT.md)
 * answers these; the report page computes the same from its live rooms.
 */
import type { FrameTextKey } from '../frame.js';
import type { ClauseKey } from './clauses.js';

export type Severity = 'error' | 'warning';

/**
 * `draft`: what can be said while writing. `issue`: also what must hold when the report is issued (a number
 * and a date), the mode of `?for=issue` and of the issue itself.
 */
export type CheckMode = 'draft' | 'issue';

/** Every rule, by the stable id the client localises its message with. */
export const RULES = [
  'authority-form',
  'recipient-end',
  'archive-line',
  'archive-unit',
  'year-range',
  'admin-unit-case',
  'closing-mark',
  'issue-number',
  'issue-date',
  'empty-part',
  'empty-item',
  'hint-left',
  'tally-empty',
  'tally-row-empty',
  'tally-row-award',
  'tally-prose-mismatch',
  'tally-prose-repeated',
  'spelling',
] as const;

export type RuleId = (typeof RULES)[number];

/** The two text fragments of a report: the frame room's opening paragraphs, a section room's body. */
export type Fragment = 'preamble' | 'body';

/** Where in its part a finding is: a frame field, a recipient line, a block of a fragment, or the whole part. */
export type Target =
  | { kind: 'field'; field: FrameTextKey }
  | { kind: 'recipient'; index: number }
  | { kind: 'recipients' }
  | { kind: 'block'; fragment: Fragment; block: number }
  | { kind: 'part'; fragment: Fragment };

/**
 * A one-click fix. Each carries what it expects to find, so that a fix computed before someone else typed
 * changes nothing instead of the wrong thing. `block` counts the blocks of a fragment in document order as
 * {@link readBlocks} lists them; `offset` counts characters of that block's text.
 */
export type Fix =
  | { kind: 'setField'; part: 'frame'; field: FrameTextKey; from: string; to: string }
  | { kind: 'setRecipient'; part: 'frame'; index: number; from: string; to: string }
  | { kind: 'addRecipient'; part: 'frame'; value: string }
  | { kind: 'replace'; part: string; fragment: Fragment; block: number; offset: number; find: string; replace: string }
  | { kind: 'removeTallyRow'; part: string; block: number; row: number }
  | { kind: 'removeBlock'; part: string; fragment: Fragment; block: number; text: string };

export interface Finding {
  /** Unique within one answer and stable while the text it is about stays: rule, part and place. */
  id: string;
  rule: RuleId;
  severity: Severity;
  /** The clause it rests on, e.g. "Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm g; Phụ lục I …". */
  clause: string;
  clauseKey: ClauseKey;
  /** In Vietnamese; the client shows its own words for `rule` and `params` in other languages. */
  message: string;
  /** The room part it is in: `frame` (header, footer, opening paragraphs) or `section/<sectionId>`. */
  part: string;
  target: Target;
  /** The values the message is made of (the text found, what it should read), for localisation. */
  params: Record<string, string | number>;
  /** The words around what was found in a text, to tell one finding from another of the same words. */
  excerpt?: string;
  fix?: Fix;
}

/** The room part of a section: `section/<id>`. */
export function sectionPart(sectionId: string): string {
  return `section/${sectionId}`;
}

/** The section id of a part, or null for the frame. */
export function sectionIdOf(part: string): string | null {
  return part.startsWith('section/') ? part.slice('section/'.length) : null;
}

/** A stable id for a finding: its rule, part, place and, within a text, where. */
export function findingId(rule: RuleId, part: string, target: Target, at?: number): string {
  const place = (() => {
    switch (target.kind) {
      case 'field':
        return target.field;
      case 'recipient':
        return `recipient-${target.index}`;
      case 'recipients':
        return 'recipients';
      case 'block':
        return `${target.fragment}-${target.block}`;
      case 'part':
        return target.fragment;
    }
  })();
  return [rule, part, place, ...(at === undefined ? [] : [String(at)])].join(':');
}
