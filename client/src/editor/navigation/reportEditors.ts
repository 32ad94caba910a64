/**
 * The editors of one report page, for what works across them (issue 12, item 3): the outline reads their
 * headings, find and replace searches them all. Each editor registers itself with {@link useReportEditor};
 * the page holds one {@link ReportEditors} (ReportNavigation.tsx). The same hook hands each editor the
 * template's guidance for its place (placeholders).
 */
import type { Editor } from '@tiptap/core';
import { createContext, useContext, useEffect } from 'react';
import { guidanceOf, type GuidanceSource } from '../../../../common/guidance.js';
import { setGuidance } from '../placeholders/placeholders.js';

/** One editor of the page: a section's (its id) or the opening paragraphs' (null). */
export interface ReportEditor {
  sectionId: string | null;
  editor: Editor;
}

/** The editors of a report page, in page order, and whoever follows them. */
export class ReportEditors {
  private readonly entries = new Set<ReportEditor>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  /** Adds an editor; follows its changes until the returned function removes it. */
  add(entry: ReportEditor): () => void {
    this.entries.add(entry);
    const changed = () => this.changed();
    entry.editor.on('update', changed);
    this.changed();
    return () => {
      entry.editor.off('update', changed);
      this.entries.delete(entry);
      this.changed();
    };
  }

  /** The editors in the order the page shows them. */
  list(): ReportEditor[] {
    return [...this.entries]
      .filter((entry) => !entry.editor.isDestroyed)
      .sort((a, b) => (a.editor.view.dom.compareDocumentPosition(b.editor.view.dom) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  /** The editor of section `sectionId` (null: the opening paragraphs), if it is on the page. */
  find(sectionId: string | null): ReportEditor | undefined {
    return this.list().find((entry) => entry.sectionId === sectionId);
  }

  /** Calls `listener` after any registered editor's content changes, or an editor comes or goes. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A number that changes with every change (for `useSyncExternalStore`). */
  snapshot = (): number => this.version;

  private changed(): void {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }
}

/** What the report page gives its editors: the registry, and the template's guidance once it has loaded. */
export interface ReportDrafting {
  editors: ReportEditors;
  template: GuidanceSource | null;
}

export const ReportDraftingContext = createContext<ReportDrafting | null>(null);

/** The page's drafting context; null outside a report page (a version opened, for instance). */
export function useReportDrafting(): ReportDrafting | null {
  return useContext(ReportDraftingContext);
}

/**
 * Registers `editor`, the editor of section `sectionId` (null: the opening paragraphs), with the page, and
 * gives it its guidance.
 */
export function useReportEditor(editor: Editor, sectionId: string | null): void {
  const drafting = useReportDrafting();
  const template = drafting?.template ?? null;
  useEffect(() => {
    if (drafting === null) return;
    return drafting.editors.add({ sectionId, editor });
  }, [drafting, editor, sectionId]);
  useEffect(() => {
    if (editor.isDestroyed) return;
    setGuidance(editor.view, template === null ? null : guidanceOf(template, sectionId));
  }, [editor, template, sectionId]);
}
