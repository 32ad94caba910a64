/**
 * The editor of one section: the shared schema (common/editorSchema.ts) with the award tally's node view,
 * NFC normalisation of what is typed and pasted, collaboration on the section's room — its body
 * fragment and its carets — and the review's highlights (comments, suggested edits).
 */
import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { schemaExtensions } from '../../../common/editorSchema.js';
import { SECTION_FRAGMENT } from '../../../common/rooms.js';
import type { RoomConnection } from '../collab/connectRoom.js';
import type { Identity } from '../identity.js';
import { ReviewHighlights } from '../review/reviewHighlights.js';
import { navigationExtensions } from './navigation/navigationExtensions.js';
import { NfcNormalize } from './nfcNormalize.js';
import { Placeholders } from './placeholders/placeholders.js';
import { PlainEnter } from './plainEnter.js';
import { TablePaste } from './table/tablePaste.js';
import { AwardTallyWithView } from './tally/awardTallyView.js';

/**
 * The extensions of a section editor bound to `room`, showing `identity` on this person's caret. `field`
 * is the fragment edited: a section's `body`, or the frame room's `preamble`.
 */
export function sectionExtensions(room: RoomConnection, identity: Identity, field: string = SECTION_FRAGMENT): AnyExtension[] {
  return [
    ...schemaExtensions().map((extension) => (extension.name === AwardTallyWithView.name ? AwardTallyWithView : extension)),
    PlainEnter,
    NfcNormalize,
    TablePaste,
    Collaboration.configure({ document: room.doc, field }),
    CollaborationCaret.configure({
      provider: room.provider,
      user: { name: identity.name, color: identity.color },
    }),
    // After the collaboration binding: the highlights read its map of the document (reviewAnchors.ts).
    ReviewHighlights,
    Placeholders,
    ...navigationExtensions,
  ];
}
