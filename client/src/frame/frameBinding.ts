/** What the header and footer need to show the frame and, for the office, to change it. */
import type * as Y from 'yjs';
import type { FrameFields, FrameTextKey } from '../../../common/frame.js';
import { setFrameText } from '../collab/frameRoom.js';
import type { FrameHistory } from './frameHistory.js';

/** The frame's fields, live, and whether (and where) this person may write them. */
export interface FrameBinding {
  fields: FrameFields;
  /** True when the person may change the frame and the room has synced. */
  writable: boolean;
  /** True when the person may never change the frame (they see why); false for the office, even while loading. */
  readOnlyForPerson: boolean;
  /** True once the report is issued (issue 10): nobody changes the frame any more, and the note says so. */
  issued: boolean;
  /** The frame room's document; undefined while the page connects. */
  doc: Y.Doc | undefined;
  /** This person's undo history of the frame, while they may write it; every write carries its origin. */
  history: FrameHistory | null;
}

/** The origin to write the frame with: the person's history's, so they can undo it. */
export function writeOrigin(binding: FrameBinding): object | null {
  return binding.history?.origin ?? null;
}

/** Writes one text field, when the binding is writable. */
export function writeField(binding: FrameBinding, key: FrameTextKey, value: string): void {
  if (binding.writable && binding.doc !== undefined) setFrameText(binding.doc, key, value, writeOrigin(binding));
}
