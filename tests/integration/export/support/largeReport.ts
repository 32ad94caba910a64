/** Large sections written straight into a test server's store, and the moment an export reaches the server. */
import type { IncomingMessage } from 'node:http';
import * as Y from 'yjs';
import type { Store } from '../../../../server/storage/store.js';
import type { TestServer } from '../../../helpers/startServer.js';
import { body } from '../../../helpers/sectionText.js';

/** The text of paragraph `index` of a large section. */
export const largeParagraph = (index: number) => `Đoạn ${index + 1}: kết quả thực hiện nhiệm vụ trong kỳ báo cáo.`;

/**
 * Appends `count` paragraphs to a section room as one update in its store (no client has the room open, so
 * the store is the room). Returns the update's size in bytes.
 */
export async function writeParagraphs(store: Pick<Store, 'appendUpdate'>, room: string, count: number): Promise<number> {
  const doc = new Y.Doc();
  const paragraphs = Array.from({ length: count }, (_, index) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(largeParagraph(index))]);
    return paragraph;
  });
  body(doc).insert(0, paragraphs);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  await store.appendUpdate(room, update);
  return update.byteLength;
}

/**
 * Resolves when a request for `reportId`'s Word file reaches the server (its raw `request` event): from then
 * on the export is the server's to build.
 */
export function exportReachesServer(server: TestServer, reportId: string): Promise<void> {
  return new Promise((resolve) => {
    const onRequest = (request: IncomingMessage) => {
      if (!request.url?.startsWith(`/api/reports/${reportId}/export.docx`)) return;
      server.app.server.off('request', onRequest);
      resolve();
    };
    server.app.server.on('request', onRequest);
  });
}
