/**
 * Guidance as placeholders in a section's editor (issue 12, item 1): drawn greyed in a part's empty
 * paragraph (a node decoration; the text comes from the template, see placeholderPlaces.ts), so typing
 * there is plain text and nothing of the guidance is ever stored.
 *
 * Guidance a report still holds as text (made before) is drawn the same way; where the person may write,
 * it is taken out once, as soon as the editor has it: its paragraph emptied (the placeholder then shows
 * there) or, when its part has text already, removed. That change is kept out of the person's undo
 * history. Two editors doing it at once delete the same letters: nothing is lost or doubled.
 *
 * The editor learns its guidance after it is made (the template loads once per page): {@link setGuidance}.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { PlaceGuidance } from '../../../../common/guidance.js';
import '../../styles/placeholders.css';
import { guidancePlaces, type GuidancePlace } from './placeholderPlaces.js';

interface PlaceholderState {
  place: PlaceGuidance | null;
  places: GuidancePlace[];
  decorations: DecorationSet;
}

const placeholderKey = new PluginKey<PlaceholderState>('placeholders');

/** The class of an empty paragraph showing guidance (its text in `data-placeholder`). */
export const PLACEHOLDER_CLASS = 'guidance-placeholder';
/** The class of a paragraph holding guidance as text (a report made before placeholders). */
export const GUIDANCE_TEXT_CLASS = 'guidance-text';

function stateFor(state: EditorState, place: PlaceGuidance | null): PlaceholderState {
  const places = guidancePlaces(state.doc, place);
  const decorations = places.map((found) =>
    found.kind === 'empty'
      ? Decoration.node(found.pos, found.pos + found.size, { class: PLACEHOLDER_CLASS, 'data-placeholder': found.text })
      : Decoration.node(found.pos, found.pos + found.size, { class: GUIDANCE_TEXT_CLASS }),
  );
  return { place, places, decorations: DecorationSet.create(state.doc, decorations) };
}

/** Tells the editor of `view` its place's guidance (null: none, or not known yet). */
export function setGuidance(view: EditorView, place: PlaceGuidance | null): void {
  if (placeholderKey.getState(view.state)?.place === place) return;
  view.dispatch(view.state.tr.setMeta(placeholderKey, { place }));
}

/** The transaction taking out the guidance held as text, or null when there is none. */
function takeOutGuidance(state: EditorState): Transaction | null {
  const legacy = (placeholderKey.getState(state)?.places ?? []).filter((found) => found.kind === 'legacy');
  if (legacy.length === 0) return null;
  const tr = state.tr;
  // From the end, so earlier positions stay valid.
  for (const found of [...legacy].reverse()) {
    if (found.partHasText && state.doc.childCount > 1) tr.delete(found.pos, found.pos + found.size);
    else tr.delete(found.pos + 1, found.pos + found.size - 1);
  }
  // Not the person's edit: Ctrl+Z must not bring the guidance back as text.
  return tr.setMeta('addToHistory', false);
}

/** The extension; add it to every section editor. */
export const Placeholders = Extension.create({
  name: 'placeholders',

  addProseMirrorPlugins() {
    return [
      new Plugin<PlaceholderState>({
        key: placeholderKey,
        state: {
          init: (_config, state) => stateFor(state, null),
          apply(tr, previous, _old, state) {
            const meta = tr.getMeta(placeholderKey) as { place: PlaceGuidance | null } | undefined;
            if (meta !== undefined) return stateFor(state, meta.place);
            return tr.docChanged ? stateFor(state, previous.place) : previous;
          },
        },
        props: {
          decorations: (state) => placeholderKey.getState(state)?.decorations ?? DecorationSet.empty,
        },
        view() {
          let pending = false;
          return {
            update(view) {
              const hasLegacy = placeholderKey.getState(view.state)?.places.some((found) => found.kind === 'legacy') ?? false;
              if (pending || !hasLegacy || !view.editable) return;
              // Not from inside the view's own update: once it is over.
              pending = true;
              queueMicrotask(() => {
                pending = false;
                if (view.isDestroyed || !view.editable || view.composing) return;
                const tr = takeOutGuidance(view.state);
                if (tr !== null) view.dispatch(tr);
              });
            },
          };
        },
      }),
    ];
  },
});
