/**
 * The matches of the report's find bar, highlighted in one section's editor with decorations (nothing in
 * the document changes). The find bar (FindReplace.tsx) tells each editor the query and which match is the
 * current one; the editor finds its matches itself (foldedText.ts), again after every change, so the
 * highlights follow the text as people type.
 */
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { findMatches, type TextMatch } from './foldedText.js';

/** What the find bar asks of one editor. */
export interface SearchRequest {
  query: string;
  /** The current match, when it is in this editor. */
  current: TextMatch | null;
}

interface SearchState extends SearchRequest {
  decorations: DecorationSet;
}

const searchKey = new PluginKey<SearchState>('searchHighlights');

/** The class of every match, and the one added to the current match. */
export const MATCH_CLASS = 'search-match';
export const CURRENT_MATCH_CLASS = 'is-current';

function decorate(doc: ProseMirrorNode, request: SearchRequest): SearchState {
  const current = request.current;
  const decorations = findMatches(doc, request.query).map((match) =>
    Decoration.inline(match.from, match.to, {
      class: current !== null && current.from === match.from && current.to === match.to ? `${MATCH_CLASS} ${CURRENT_MATCH_CLASS}` : MATCH_CLASS,
    }),
  );
  return { ...request, decorations: DecorationSet.create(doc, decorations) };
}

const NOTHING: SearchState = { query: '', current: null, decorations: DecorationSet.empty };

/** Tells the editor of `view` what to highlight; an empty query clears it. */
export function setSearch(view: EditorView, request: SearchRequest): void {
  const now = searchKey.getState(view.state);
  if (now !== undefined && now.query === request.query && now.current?.from === request.current?.from && now.current?.to === request.current?.to) return;
  view.dispatch(view.state.tr.setMeta(searchKey, request));
}

export const SearchHighlights = Extension.create({
  name: 'searchHighlights',

  addProseMirrorPlugins() {
    return [
      new Plugin<SearchState>({
        key: searchKey,
        state: {
          init: () => NOTHING,
          apply(tr, previous, _old, state) {
            const request = tr.getMeta(searchKey) as SearchRequest | undefined;
            if (request !== undefined) return request.query === '' ? NOTHING : decorate(state.doc, request);
            if (!tr.docChanged || previous.query === '') return previous;
            const current = previous.current === null ? null : { from: tr.mapping.map(previous.current.from, 1), to: tr.mapping.map(previous.current.to, -1) };
            return decorate(state.doc, { query: previous.query, current: current !== null && current.from < current.to ? current : null });
          },
        },
        props: {
          decorations: (state) => searchKey.getState(state)?.decorations ?? DecorationSet.empty,
        },
      }),
    ];
  },
});
