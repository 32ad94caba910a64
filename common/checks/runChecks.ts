/**
 * The form checker: every rule, run over a report's content, the findings in reading order — the header,
 * the opening paragraphs, each section, then the footer. The server runs it on the rooms as stored (`GET
 * /api/reports/:id/checks`, and before and after freezing an issue); the report page on its live rooms.
 */
import type { FrameTextKey } from '../frame.js';
import type { CheckMode, Finding } from './finding.js';
import { readReportContent, type CheckContext, type ReportContent, type ReportDocs } from './reportContent.js';
import type { Rule } from './rule.js';
import { adminUnitCase } from './rules/adminUnitCase.js';
import { archiveLine } from './rules/archiveLine.js';
import { authorityForm } from './rules/authorityForm.js';
import { closingMark } from './rules/closingMark.js';
import { emptyParts } from './rules/emptyParts.js';
import { hintsLeft } from './rules/hintsLeft.js';
import { issueNumberDate } from './rules/issueNumberDate.js';
import { recipientEnd } from './rules/recipientEnd.js';
import { spelling } from './rules/spelling.js';
import { tallyRestated } from './rules/tallyRestated.js';
import { tallyRows } from './rules/tallyRows.js';
import { yearRanges } from './rules/yearRanges.js';

/** In the order their findings are listed for one place. */
export const ALL_RULES: readonly Rule[] = [
  issueNumberDate,
  emptyParts,
  hintsLeft,
  spelling,
  adminUnitCase,
  yearRanges,
  tallyRows,
  tallyRestated,
  closingMark,
  recipientEnd,
  archiveLine,
  authorityForm,
];

const FOOTER_FIELDS: ReadonlySet<FrameTextKey> = new Set(['signAuthority', 'signTitle', 'signerName']);

/** Where a finding is in reading order: [zone, block]. */
function readingPlace(finding: Finding, sectionOrder: ReadonlyMap<string, number>): [number, number] {
  const { target } = finding;
  if (target.kind === 'recipient' || target.kind === 'recipients') return [1_000_000, target.kind === 'recipient' ? target.index : 0];
  if (target.kind === 'field') return FOOTER_FIELDS.has(target.field) ? [1_000_001, 0] : [0, 0];
  const block = target.kind === 'block' ? target.block : -1;
  if (finding.part === 'frame') return [1, block];
  return [2 + (sectionOrder.get(finding.part) ?? 0), block];
}

/** Every finding of every rule about `content`, in reading order. */
export function runChecks(content: ReportContent, context: CheckContext, mode: CheckMode): Finding[] {
  const sectionOrder = new Map(content.sections.map((section, index) => [`section/${section.id}`, index]));
  const findings = ALL_RULES.flatMap((rule) => rule(content, context, mode));
  const places = new Map(findings.map((finding) => [finding, readingPlace(finding, sectionOrder)]));
  return findings.sort((a, b) => {
    const [zoneA, blockA] = places.get(a)!;
    const [zoneB, blockB] = places.get(b)!;
    return zoneA - zoneB || blockA - blockB;
  });
}

/** Reads the rooms' documents and checks them. */
export function checkDocs(docs: ReportDocs, context: CheckContext, mode: CheckMode): Finding[] {
  return runChecks(readReportContent(docs), context, mode);
}

/** The findings that stop a report from being issued. */
export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.severity === 'error');
}
