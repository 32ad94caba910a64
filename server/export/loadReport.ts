/**
 * The export's only I/O: a report's rooms read from the store (snapshot + updates, which hold every update
 * since the server persists before it broadcasts) into the plain {@link ExportInput}. Reading the store
 * ({@link readReportRooms}) is cheap and stays on the main thread; rebuilding the documents from those bytes
 * ({@link inputFromRooms}) is the costly part and runs in an export worker (`exportWorker.ts`).
 */
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { sectionSchema, type ProseMirrorJSON } from '../../common/editorSchema.js';
import { readFrame } from '../../common/frame.js';
import type { ReportGuidance } from '../../common/guidance.js';
import type { Report } from '../../common/report.js';
import { formatRoomName, PREAMBLE_FRAGMENT, SECTION_FRAGMENT } from '../../common/rooms.js';
import type { DocumentStore, StoredDocument } from '../storage/store.js';
import { docFromStored } from '../storage/storedDocument.js';
import { bodyWithoutGuidance } from './exportGuidance.js';
import type { ExportInput } from './exportModel.js';
import type { ReviewNote } from './reviewNotes.js';
import { sectionComments } from './sectionComments.js';

/** Deeper than this, a body is read as plain paragraphs: no editor makes it, and walking it could overflow. */
const MAX_NESTING = 64;

/** A room's document as stored, in a fresh `Y.Doc` (the caller destroys it). */
export async function loadRoom(store: Pick<DocumentStore, 'loadDocument'>, room: string): Promise<Y.Doc> {
  return docFromStored(await store.loadDocument(room));
}

/** How deeply `node` nests, counted without recursion. */
function nesting(node: ProseMirrorJSON): number {
  let deepest = 0;
  const stack: Array<[ProseMirrorJSON, number]> = [[node, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (depth > MAX_NESTING) break;
    for (const child of Array.isArray(current.content) ? current.content : []) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Every text of a fragment as its own paragraph, in order: the reading of last resort. */
function plainParagraphs(fragment: Y.XmlFragment): ProseMirrorJSON {
  const content: ProseMirrorJSON[] = [];
  const stack: Array<Y.XmlFragment | Y.XmlElement | Y.XmlText | Y.XmlHook> = [fragment];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node instanceof Y.XmlText) {
      const delta = node.toDelta() as Array<{ insert?: unknown }>;
      const text = delta.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
      if (text !== '') content.push({ type: 'paragraph', content: [{ type: 'text', text }] });
    } else if (node instanceof Y.XmlFragment || node instanceof Y.XmlElement) {
      stack.push(...(node.toArray() as Array<Y.XmlElement | Y.XmlText>).reverse());
    }
  }
  return { type: 'doc', content };
}

/**
 * A section body as ProseMirror JSON, normalised by the editor's schema (defaults filled in) when it fits
 * the schema; as read when it does not (the export prints unknown nodes' text); as plain paragraphs when it
 * cannot be read as a tree at all.
 */
export function readSectionBody(doc: Y.Doc, fragmentName: string = SECTION_FRAGMENT): ProseMirrorJSON {
  const fragment = doc.getXmlFragment(fragmentName);
  let json: ProseMirrorJSON;
  try {
    json = yXmlFragmentToProsemirrorJSON(fragment) as ProseMirrorJSON;
  } catch {
    return plainParagraphs(fragment);
  }
  if (nesting(json) > MAX_NESTING) return plainParagraphs(fragment);
  try {
    return sectionSchema.nodeFromJSON(json).toJSON() as ProseMirrorJSON;
  } catch {
    return json;
  }
}

/** What the store holds for a report's rooms: the frame room, then each section room in report order. */
export interface StoredReportRooms {
  frame: StoredDocument;
  sections: StoredDocument[];
}

/** Reads the stored bytes of a report's frame and section rooms; nothing is decoded. */
export async function readReportRooms(store: Pick<DocumentStore, 'loadDocument'>, report: Report): Promise<StoredReportRooms> {
  const frame = await store.loadDocument(formatRoomName({ reportId: report.id, part: { kind: 'frame' } }));
  const sections: StoredDocument[] = [];
  for (const section of report.sections) sections.push(await store.loadDocument(section.room));
  return { frame, sections };
}

/**
 * The export input from a report's stored rooms. `now` gives the year of a date still blank; `notes`, when
 * given, are the review's open notes, each section getting its own as comments (`?comments=1`);
 * `guidance`, when given, is the template's: guidance a report still holds as text is left out
 * (exportGuidance.ts).
 */
export function inputFromRooms(
  report: Report,
  rooms: StoredReportRooms,
  now = new Date(),
  notes: readonly ReviewNote[] | null = null,
  guidance: ReportGuidance | null = null,
): ExportInput {
  const frameDoc = docFromStored(rooms.frame);
  const frame = readFrame(frameDoc);
  const preamble = bodyWithoutGuidance(readSectionBody(frameDoc, PREAMBLE_FRAGMENT), guidance?.preamble).body;
  frameDoc.destroy();
  const sections = report.sections.map((section, index) => {
    const stored = rooms.sections[index];
    if (!stored) throw new Error(`no stored room for section ${section.number} of report ${report.id}`);
    const doc = docFromStored(stored);
    try {
      const comments = notes === null ? undefined : sectionComments(doc, section.id, notes);
      const read = bodyWithoutGuidance(readSectionBody(doc), guidance?.sections[section.id], comments);
      return { number: section.number, title: section.title, ...read };
    } finally {
      doc.destroy();
    }
  });
  return { status: report.status, frame, preamble, sections, year: now.getFullYear() };
}

/** Reads a report's frame and section rooms. `now` gives the year of a date still blank; `guidance`: see {@link inputFromRooms}. */
export async function loadReport(
  store: Pick<DocumentStore, 'loadDocument'>,
  report: Report,
  now = new Date(),
  guidance: ReportGuidance | null = null,
): Promise<ExportInput> {
  return inputFromRooms(report, await readReportRooms(store, report), now, null, guidance);
}
