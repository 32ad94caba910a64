/** What a rule of the checker is, and how it words a finding. */
import { CLAUSES, type ClauseKey } from './clauses.js';
import { findingId, type CheckMode, type Finding, type Fix, type RuleId, type Severity, type Target } from './finding.js';
import type { CheckContext, ReportContent } from './reportContent.js';

/** A rule: a pure function of the report's content, what it is compared to, and the mode. */
export type Rule = (content: ReportContent, context: CheckContext, mode: CheckMode) => Finding[];

export interface FindingSpec {
  rule: RuleId;
  severity: Severity;
  clause: ClauseKey;
  part: string;
  target: Target;
  /** Where in the text, when a text may hold several findings of the rule. */
  at?: number;
  message: string;
  params?: Record<string, string | number>;
  /** See {@link Finding.excerpt}: {@link excerptAround}. */
  excerpt?: string;
  fix?: Fix;
}

export function finding(spec: FindingSpec): Finding {
  const { rule, severity, clause, part, target, at, message, params = {}, excerpt, fix } = spec;
  return {
    id: findingId(rule, part, target, at),
    rule,
    severity,
    clause: CLAUSES[clause],
    clauseKey: clause,
    message,
    part,
    target,
    params,
    ...(excerpt === undefined ? {} : { excerpt }),
    ...(fix ? { fix } : {}),
  };
}

/** The words around `text[from, to)`: a few on either side, cut at a blank, "…" where the text goes on. */
export function excerptAround(text: string, from: number, to: number, reach = 28): string {
  let start = Math.max(0, from - reach);
  let end = Math.min(text.length, to + reach);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = Math.max(to, text.lastIndexOf(' ', end));
  const line = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${line}${end < text.length ? '…' : ''}`;
}

/** “…”, the way messages quote what they found. */
export const quoted = (text: string): string => `“${text}”`;
