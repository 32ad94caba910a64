/**
 * What the report page gives its editors to work across them (issue 12): the template's guidance, for the
 * placeholders, and the page's {@link ReportEditors}, for the outline and for find and replace. Ctrl+F
 * opens the find bar and Ctrl+H the replace bar, anywhere on the page (instead of the browser's own, which
 * cannot replace and does not ignore accents).
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { GuidanceSource } from '../../../../common/guidance.js';
import { listTemplates } from '../../api/templates.js';
import '../../styles/navigation.css';
import { FindReplace, type FindMode } from './FindReplace.js';
import { ReportDraftingContext, ReportEditors, type ReportDrafting } from './reportEditors.js';

/** The template `templateId` once loaded; null before, or when it is no longer there (no placeholders then). */
function useTemplate(templateId: string): GuidanceSource | null {
  const [template, setTemplate] = useState<GuidanceSource | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    listTemplates(abort.signal).then(
      (templates) => setTemplate(templates.find((candidate) => candidate.id === templateId) ?? null),
      () => undefined, // Without the template the page works on: only the placeholders are missing.
    );
    return () => abort.abort();
  }, [templateId]);
  return template;
}

/** The text selected in the editor that has the keyboard, when it is on one line: what Ctrl+F looks for. */
function selectedText(editors: ReportEditors): string {
  const focused = editors.list().find((entry) => entry.editor.isFocused);
  if (focused === undefined) return '';
  const { from, to, empty } = focused.editor.state.selection;
  if (empty) return '';
  const text = focused.editor.state.doc.textBetween(from, to, '\n');
  return text.includes('\n') ? '' : text;
}

interface FindState {
  mode: FindMode;
  initialQuery: string;
  focusToken: number;
}

export function ReportNavigation({ templateId, children }: { templateId: string; children: ReactNode }) {
  const editors = useMemo(() => new ReportEditors(), []);
  const template = useTemplate(templateId);
  const drafting = useMemo<ReportDrafting>(() => ({ editors, template }), [editors, template]);
  const [find, setFind] = useState<FindState | null>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.isComposing) return;
      const key = event.key.toLowerCase();
      if (key !== 'f' && key !== 'h') return;
      event.preventDefault();
      const mode: FindMode = key === 'h' ? 'replace' : 'find';
      setFind((open) =>
        open === null
          ? { mode, initialQuery: selectedText(editors), focusToken: 0 }
          : { ...open, mode: mode === 'replace' ? 'replace' : open.mode, focusToken: open.focusToken + 1 },
      );
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [editors]);

  return (
    <ReportDraftingContext.Provider value={drafting}>
      {children}
      {find === null ? null : (
        <FindReplace
          editors={editors}
          mode={find.mode}
          initialQuery={find.initialQuery}
          focusToken={find.focusToken}
          onMode={(mode) => setFind((open) => (open === null ? null : { ...open, mode }))}
          onClose={() => setFind(null)}
        />
      )}
    </ReportDraftingContext.Provider>
  );
}
