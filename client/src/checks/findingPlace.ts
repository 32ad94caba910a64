/**
 * Where a finding is, for the person: its part in words ("II. KẾT QUẢ…", "Nơi nhận, dòng 7") and its
 * place on the page, to scroll to — the frame field, the recipient line, or the block of a section's editor
 * (counted as common/checks/bodyBlocks.ts counts them: paragraphs, headings and award tallies in order).
 */
import type { Finding } from '../../../common/checks/finding.js';
import { sectionIdOf } from '../../../common/checks/finding.js';
import type { Report } from '../../../common/report.js';
import type { ChecksMessages } from '../i18n/checks.js';

/** The part of a finding in words. */
export function partLabel(strings: ChecksMessages, report: Report, finding: Finding): string {
  const { target } = finding;
  const sectionId = sectionIdOf(finding.part);
  const section = report.sections.find((candidate) => candidate.id === sectionId);
  const where = section ? strings.parts.section(section.number, section.title) : strings.parts.preamble;
  switch (target.kind) {
    case 'field':
      return `${strings.parts.frame} · ${strings.parts.field[target.field]}`;
    case 'recipient':
      return strings.parts.recipient(target.index + 1);
    case 'recipients':
      return strings.parts.recipients;
    case 'part':
    case 'block':
      // The block is told by the finding's excerpt or message, and shown by scrolling to it.
      return where;
  }
}

/** The test ids of the frame's fields on the page (the number and date are shown in their printed lines). */
const FIELD_ELEMENTS: Record<string, string> = { number: 'frame-number-line', date: 'frame-place-date', docType: 'frame-docType' };

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, [data-testid="award-tally"]';

/** The editor's element of block `index` (as common/checks counts), or the editor itself. */
function blockIn(editor: Element | null, index: number): Element | null {
  const root = editor?.querySelector('.ProseMirror') ?? null;
  if (root === null) return editor;
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((element) => element.parentElement?.closest('[data-testid="award-tally"]') === null);
  return blocks[index] ?? editor;
}

/** The element a finding is about, on this page; null when it is not shown. */
export function placeElement(finding: Finding, root: ParentNode = document): Element | null {
  const { target } = finding;
  const byTestId = (id: string) => root.querySelector(`[data-testid="${id}"]`);
  switch (target.kind) {
    case 'field':
      return byTestId(FIELD_ELEMENTS[target.field] ?? `frame-${target.field}`);
    case 'recipient':
      return byTestId(`recipient-${target.index}`);
    case 'recipients':
      return byTestId('frame-footer');
    case 'part':
    case 'block': {
      const sectionId = sectionIdOf(finding.part);
      const editor = byTestId(sectionId === null ? 'preamble-editor' : `editor-${sectionId}`);
      return target.kind === 'block' ? blockIn(editor, target.block) : editor;
    }
  }
}

/** Scrolls the page to a finding's place and, for a field, puts the caret there. */
export function showPlace(finding: Finding): void {
  const element = placeElement(finding);
  if (element === null) return;
  element.scrollIntoView({ block: 'center', behavior: 'smooth' });
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) element.focus({ preventScroll: true });
  element.classList.remove('check-target');
  // Restarted each time (the animation plays on the class being added).
  void (element as HTMLElement).offsetWidth;
  element.classList.add('check-target');
}
