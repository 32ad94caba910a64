/**
 * Helpers of the housekeeping tests (issue 10, item 7), on top of the workflow's fixture: writing a
 * paragraph as a person and waiting until it is stored, and reading a room's content as stored.
 */
import * as Y from 'yjs';
import { sectionRoom } from '../../../common/rooms.js';
import type { CollabClient } from '../../helpers/collabClient.js';
import { appendParagraph, body } from '../../helpers/sectionText.js';
import { storedDoc, storedText } from '../../helpers/storedDoc.js';
import { waitFor } from '../../helpers/waitFor.js';
import type { WorkflowFixture, Who } from '../workflow/support.js';

/** Appends a paragraph to a section as `who`, resolved once the store holds it; the client stays open. */
export async function writeParagraph(f: WorkflowFixture, who: Who, reportId: string, sectionId: string, text: string): Promise<CollabClient> {
  const client = f.connect(who, reportId, `section/${sectionId}`);
  await client.synced();
  appendParagraph(client.doc, text);
  await waitFor(async () => (await storedText(f.server.store, sectionRoom(reportId, sectionId))).includes(text), { what: `"${text}" stored` });
  return client;
}

/** What a room's content is, as stored: the section body as XML, the frame's map and opening paragraphs. */
export async function storedContent(f: WorkflowFixture, room: string): Promise<{ body: string; frame: unknown; preamble: string }> {
  const doc: Y.Doc = await storedDoc(f.server.store, room);
  try {
    return { body: body(doc).toString(), frame: doc.getMap('frame').toJSON(), preamble: doc.getXmlFragment('preamble').toString() };
  } finally {
    doc.destroy();
  }
}
