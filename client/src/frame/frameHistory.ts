/**
 * Undo and redo of the header and footer fields, per person, through Yjs (issue 12, item 4). The fields
 * are keys of the frame room's `Y.Map` (frameRoom.ts), bound live to plain inputs: the browser's own undo
 * knows nothing of what others typed in between and once removed two letters of the signer's name, which
 * were then saved. Instead, every frame edit this page makes carries the page's own origin, and a
 * `Y.UndoManager` that tracks only that origin undoes them: Ctrl+Z takes back this person's last change to
 * the frame (typing within half a second is one change) and leaves everyone else's alone; the undo is an
 * ordinary edit, stored and sent to every browser.
 *
 * In the frame's fields Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (and the browser's own undo and redo, from its
 * menu) go to this history; the browser's undo never runs there ({@link useFrameUndoKeys}).
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { FRAME_MAP } from '../../../common/rooms.js';

/** Consecutive edits closer than this (ms) are undone together: a word typed is one step. */
const CAPTURE_MS = 500;

/** Where the frame's fields are on the page: keys pressed in them go to the frame's history. */
const FRAME_FIELDS = '.frame-header, .frame-footer';

/** One person's undo history of the frame on this page. */
export interface FrameHistory {
  /** The origin of this page's frame edits: pass it to every write (frameRoom.ts). */
  readonly origin: object;
  /** Takes back this person's last change; false when there is none. */
  undo(): boolean;
  /** Makes again the last change taken back; false when there is none. */
  redo(): boolean;
  destroy(): void;
}

/** A history of this page's changes to the frame of `doc`. */
export function createFrameHistory(doc: Y.Doc): FrameHistory {
  const origin = { frameEdits: 'this page' };
  const manager = new Y.UndoManager(doc.getMap(FRAME_MAP), { trackedOrigins: new Set([origin]), captureTimeout: CAPTURE_MS });
  return {
    origin,
    undo: () => manager.undo() !== null,
    redo: () => manager.redo() !== null,
    destroy: () => manager.destroy(),
  };
}

/** The history of the frame room's document `doc` while the person may write it; null otherwise. */
export function useFrameHistory(doc: Y.Doc | undefined, writable: boolean): FrameHistory | null {
  const [history, setHistory] = useState<FrameHistory | null>(null);
  useEffect(() => {
    if (doc === undefined || !writable) return;
    const created = createFrameHistory(doc);
    setHistory(created);
    return () => {
      created.destroy();
      setHistory(null);
    };
  }, [doc, writable]);
  return history;
}

/** What a key or an input event asks of the history, if anything. */
function historyStep(event: KeyboardEvent | InputEvent): 'undo' | 'redo' | null {
  if (event instanceof InputEvent) {
    if (event.inputType === 'historyUndo') return 'undo';
    return event.inputType === 'historyRedo' ? 'redo' : null;
  }
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.isComposing) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  return key === 'y' && !event.shiftKey ? 'redo' : null;
}

/**
 * Sends undo and redo pressed in the frame's fields to `history`, and keeps the browser's own from running
 * there (it would undo what it last saw in the input, not what this person last did to the frame).
 */
export function useFrameUndoKeys(history: FrameHistory | null): void {
  useEffect(() => {
    if (history === null) return;
    const onEvent = (event: KeyboardEvent | InputEvent) => {
      const target = event.target;
      if (!(target instanceof Element) || target.closest(FRAME_FIELDS) === null) return;
      const step = historyStep(event);
      if (step === null) return;
      event.preventDefault();
      if (step === 'undo') history.undo();
      else history.redo();
    };
    document.addEventListener('keydown', onEvent, true);
    document.addEventListener('beforeinput', onEvent, true);
    return () => {
      document.removeEventListener('keydown', onEvent, true);
      document.removeEventListener('beforeinput', onEvent, true);
    };
  }, [history]);
}
