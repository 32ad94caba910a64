/**
 * Helpers of the review tests (issue 9): anchors over a section's text as a client makes them, the review
 * room's maps, and REST calls that must succeed.
 */
import * as Y from 'yjs';
import { expect } from 'vitest';
import { anchorOfText, anchoredTextRange, plainText } from '../../../common/anchors.js';
import type { Anchor } from '../../../common/review.js';
import { sectionRoom } from '../../../common/rooms.js';
import type { Report } from '../../../common/report.js';
import type { Store } from '../../../server/storage/store.js';
import { assignSection, call, createReport, seedWorkspace, type SeededWorkspace } from '../../helpers/api.js';
import { connectClient, type CollabClient } from '../../helpers/collabClient.js';
import { signInEveryone, type Who } from '../../helpers/everyone.js';
import { appendParagraph, body } from '../../helpers/sectionText.js';
import { startServer, type TestServer } from '../../helpers/startServer.js';
import { storedDoc, storedText } from '../../helpers/storedDoc.js';
import { waitFor } from '../../helpers/waitFor.js';
import { expectError } from '../security/support.js';

/** Every text node of a section's body, in document order. */
export function textNodes(doc: Y.Doc): Y.XmlText[] {
  const found: Y.XmlText[] = [];
  const visit = (node: Y.XmlFragment | Y.XmlElement | Y.XmlText) => {
    if (node instanceof Y.XmlText) found.push(node);
    else for (const child of node.toArray()) visit(child as Y.XmlElement | Y.XmlText);
  };
  visit(body(doc));
  return found;
}

/** The first text node that contains `words`, and where they start in it. */
export function findWords(doc: Y.Doc, words: string): { text: Y.XmlText; index: number } {
  for (const text of textNodes(doc)) {
    const index = plainText(text).indexOf(words);
    if (index >= 0) return { text, index };
  }
  throw new Error(`no text contains "${words}"`);
}

/** The anchor of `words` in a section's document, as a client makes it from a selection. */
export function anchorOfWords(doc: Y.Doc, words: string): Anchor {
  const { text, index } = findWords(doc, words);
  return anchorOfText(text, index, index + words.length);
}

/** An anchor over the first `length` characters of a section's first non-empty text, as the store holds it. */
export async function storedAnchor(store: Store, reportId: string, sectionId: string, length = 4): Promise<{ anchor: Anchor; quote: string }> {
  const doc = await storedDoc(store, sectionRoom(reportId, sectionId));
  try {
    const text = textNodes(doc).find((node) => node.length >= length);
    if (!text) throw new Error(`no text of ${length} characters in ${sectionId}`);
    return { anchor: anchorOfText(text, 0, length), quote: plainText(text).slice(0, length) };
  } finally {
    doc.destroy();
  }
}

/** What an anchor covers in a document now (one text node), or null when it is detached or spans nodes. */
export function coveredText(doc: Y.Doc, anchor: Anchor): string | null {
  return anchoredTextRange(doc, anchor)?.content ?? null;
}

/**
 * The review's own entries of an audit log, in order (issue 9). Since issue 10 the log also holds the
 * report's creation, its assignments and the edits counted per hour, which the review's tests leave aside.
 */
export function reviewEntries<T extends { action: string }>(log: readonly T[]): T[] {
  return log.filter((entry) => /^(comment|suggestion)\./.test(entry.action) || /^section\.(approved|returned|changed)$/.test(entry.action));
}

/** A value of one of the review room's maps, as a client sees it. */
export function reviewEntry<T>(doc: Y.Doc, map: string, key: string): T | undefined {
  return doc.getMap(map).get(key) as T | undefined;
}

/** A call that must be refused with `status` and `code`, in the error format of CONTRACT.md; the error. */
export async function refused(response: Promise<Response>, status: number, code: string): Promise<{ code: string; message: string }> {
  return expectError(await response, status, code);
}

/** A JSON call that must answer `status`; its parsed body (undefined for 204). */
export async function ok<T>(response: Promise<Response>, status = 200): Promise<T> {
  const answer = await response;
  const text = await answer.text();
  expect(answer.status, `${answer.url}: ${text}`).toBe(status);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** Who is signed in, by the names of seedWorkspace, plus `stranger`: an editor whose department owns no section. */
export type { Who };

/** A server with the seeded workspace signed in, and a report whose `tham-muu` is noivu's and `ket-qua` vhtt's. */
export interface ReviewFixture {
  server: TestServer;
  ws: SeededWorkspace;
  /** The stranger's account and department (Công an, which owns no section of the report). */
  stranger: { id: string; departmentId: string };
  cookies: Record<Who, string>;
  /** The user id of each. */
  ids: Record<Who, string>;
  report: Report;
  /** A REST call as `who`. */
  as(who: Who, method: string, path: string, body?: unknown): Promise<Response>;
  /** A y-websocket client of a room of the report (`review`, `section/<id>`) as `who`; destroyed by close(). */
  connect(who: Who, part: string): CollabClient;
  /** Destroys the clients and stops the server. */
  close(): Promise<void>;
}

export async function startReviewServer(): Promise<ReviewFixture> {
  const server = await startServer();
  const clients: CollabClient[] = [];
  try {
    const ws = await seedWorkspace(server);
    const { cookies, stranger: strangerUser, strangerDepartmentId } = await signInEveryone(server, ws);
    const created = await createReport(server.url, { title: 'Báo cáo sơ kết công tác thi đua 6 tháng' }, cookies.office);
    await assignSection(server.url, cookies.office, created.id, 'tham-muu', ws.departments.noivu.id);
    await assignSection(server.url, cookies.office, created.id, 'ket-qua', ws.departments.vhtt.id);
    const report = await ok<Report>(call(server.url, cookies.office, 'GET', `/api/reports/${created.id}`));
    return {
      server,
      ws,
      stranger: { id: strangerUser.id, departmentId: strangerDepartmentId },
      cookies,
      ids: {
        admin: ws.admin.id,
        office: ws.office.id,
        noivu: ws.noivu.id,
        vhtt: ws.vhtt.id,
        chair: ws.chair.id,
        stranger: strangerUser.id,
      },
      report,
      as: (who, method, path, body) => call(server.url, cookies[who], method, path, body),
      connect(who, part) {
        const client = connectClient(server.collabUrl, `${report.id}/${part}`, cookies[who]);
        clients.push(client);
        return client;
      },
      async close() {
        for (const client of clients.splice(0)) client.destroy();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * Writes a paragraph with `text` at the end of a section as its owner would, and waits until the server
 * has stored it; returns the client, still connected.
 */
export async function writeParagraph(fixture: ReviewFixture, who: Who, sectionId: string, text: string): Promise<CollabClient> {
  const client = fixture.connect(who, `section/${sectionId}`);
  await client.synced();
  appendParagraph(client.doc, text);
  const room = sectionRoom(fixture.report.id, sectionId);
  await waitFor(async () => (await storedText(fixture.server.store, room)).includes(text), { what: `"${text}" stored` });
  return client;
}
