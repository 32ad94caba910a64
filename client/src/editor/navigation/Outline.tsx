/**
 * The outline of a report (issue 12, item 3): the opening paragraphs, each section ("I. TITLE") and, under
 * it, its numbered items ("1. …") and points ("a) …") as they stand now, live. Choosing one scrolls to it
 * and puts the caret there (the keyboard too, where the person may write).
 */
import { TextSelection } from '@tiptap/pm/state';
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { nextHeading, START_COUNT, type HeadingCount } from '../../../../common/numbering.js';
import type { Report } from '../../../../common/report.js';
import { useT } from '../../i18n/locale.js';
import { sectionHeading } from '../SectionEditor.js';
import { useReportDrafting, type ReportEditor, type ReportEditors } from './reportEditors.js';

/** One line of the outline. */
interface OutlineEntry {
  key: string;
  label: string;
  depth: 0 | 1 | 2;
  go(): void;
}

/** Scrolls to the block at `pos` of `entry`'s editor and puts the caret at its start. */
function jumpTo(entry: ReportEditor, pos: number): void {
  const { view } = entry.editor;
  const { doc } = view.state;
  const at = Math.min(pos, doc.content.size);
  view.dispatch(view.state.tr.setSelection(TextSelection.near(doc.resolve(at))));
  const block = view.nodeDOM(Math.min(Math.max(0, at - 1), doc.content.size));
  const element = block instanceof Element ? block : view.dom;
  element.scrollIntoView({ block: 'start' });
  if (entry.editor.isEditable) view.focus();
}

/** The numbered headings of an editor, labelled as the editor draws them. */
function headingEntries(entry: ReportEditor, key: string): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  let count: HeadingCount = START_COUNT;
  entry.editor.state.doc.descendants((node, pos) => {
    if (node.type.name !== 'heading') return !node.isTextblock;
    const level = node.attrs.level === 3 ? 3 : 2;
    const next = nextHeading(count, level);
    count = next.count;
    entries.push({ key: `${key}-${pos}`, label: `${next.label} ${node.textContent}`.trim(), depth: level === 2 ? 1 : 2, go: () => jumpTo(entry, pos + 1) });
    return false;
  });
  return entries;
}

/** The outline's lines for `report` as its editors hold it now. */
function outlineOf(report: Report, editors: ReportEditors | null, preamble: string, loading: string): OutlineEntry[] {
  const opening = editors?.find(null);
  const lines: OutlineEntry[] = opening === undefined ? [] : [{ key: 'preamble', label: preamble, depth: 0, go: () => jumpTo(opening, 1) }];
  for (const section of report.sections) {
    const entry = editors?.find(section.id);
    const scroll = () => document.querySelector(`[data-testid="section-${section.id}"]`)?.scrollIntoView({ block: 'start' });
    const title = sectionHeading(section) + (entry === undefined ? ` (${loading})` : '');
    lines.push({ key: section.id, label: title, depth: 0, go: entry === undefined ? scroll : () => (scroll(), jumpTo(entry, 1)) });
    if (entry !== undefined) lines.push(...headingEntries(entry, section.id));
  }
  return lines;
}

const NO_EDITORS = { subscribe: () => () => {}, snapshot: () => 0 };

export function Outline({ report }: { report: Report }) {
  const t = useT().navigation;
  const drafting = useReportDrafting();
  const editors = drafting?.editors ?? null;
  const source = editors ?? NO_EDITORS;
  useSyncExternalStore(source.subscribe, source.snapshot);
  const [open, setOpen] = useState(false);
  const panel = useId();
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    // A click elsewhere closes it, as a menu does.
    const away = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const lines = open ? outlineOf(report, editors, t.preamble, t.outlineLoading) : [];
  return (
    <div className="outline-menu" ref={menu} onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        className="sheet-action"
        data-testid="outline-toggle"
        aria-expanded={open}
        // Only while the panel is there: a reference to a missing element is an error for screen readers.
        aria-controls={open ? panel : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        {t.outline}
      </button>
      {open ? (
        <nav id={panel} className="outline-panel" aria-label={t.outlineLabel} data-testid="outline">
          <ul>
            {lines.map((line) => (
              <li key={line.key} className={`outline-line depth-${line.depth}`}>
                <button
                  type="button"
                  className="outline-link"
                  data-testid="outline-entry"
                  onClick={() => {
                    setOpen(false);
                    line.go();
                  }}
                >
                  {line.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
