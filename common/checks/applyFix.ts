/**
 * Applies a finding's fix (finding.ts `Fix`) to a report's rooms as an ordinary Yjs edit, in one
 * transaction: the report page applies it to its live documents, and the edit goes to the server and every
 * other browser like any typing. A fix checks first that its place still reads what it expects; when it
 * does not (someone changed it meanwhile) it changes nothing and answers false.
 */
import * as Y from 'yjs';
import { formattingAt, plainText } from '../anchors.js';
import { FRAME_MAP, PREAMBLE_FRAGMENT, SECTION_FRAGMENT } from '../rooms.js';
import { blockElement, elementText } from './bodyBlocks.js';
import { sectionIdOf, type Fix, type Fragment } from './finding.js';
import { fragmentOf } from './reportContent.js';

/** The live documents a fix may change; a part missing here is not changed. */
export interface FixDocs {
  frame: Y.Doc | undefined;
  section(sectionId: string): Y.Doc | undefined;
}

const nfc = (text: string) => text.normalize('NFC');

function recipientsOf(doc: Y.Doc): Y.Array<string> {
  const map = doc.getMap<unknown>(FRAME_MAP);
  const current = map.get('recipients');
  if (current instanceof Y.Array) return current as Y.Array<string>;
  const created = new Y.Array<string>();
  map.set('recipients', created);
  return created;
}

function fragmentFor(docs: FixDocs, part: string, fragment: Fragment): { doc: Y.Doc; fragment: Y.XmlFragment } | null {
  const sectionId = sectionIdOf(part);
  const doc = sectionId === null ? docs.frame : docs.section(sectionId);
  if (doc === undefined) return null;
  const found = fragmentOf(doc, fragment === 'preamble' ? PREAMBLE_FRAGMENT : SECTION_FRAGMENT);
  return found ? { doc, fragment: found } : null;
}

/** The run of text holding `[offset, offset + length)` of an element's text, and where in it. */
function runAt(element: Y.XmlElement, offset: number, length: number): { text: Y.XmlText; at: number } | null {
  let start = 0;
  for (const child of element.toArray()) {
    const size = child instanceof Y.XmlText ? child.length : 1;
    if (child instanceof Y.XmlText && offset >= start && offset + length <= start + size) return { text: child, at: offset - start };
    start += size;
  }
  return null;
}

function replaceText(element: Y.XmlElement, fix: Extract<Fix, { kind: 'replace' }>): boolean {
  const run = runAt(element, fix.offset, fix.find.length);
  if (run === null || nfc(plainText(run.text).slice(run.at, run.at + fix.find.length)) !== nfc(fix.find)) return false;
  const attributes = formattingAt(run.text, fix.find === '' && run.at > 0 ? run.at - 1 : run.at);
  if (fix.find.length > 0) run.text.delete(run.at, fix.find.length);
  if (fix.replace !== '') run.text.insert(run.at, nfc(fix.replace), attributes);
  return true;
}

/** Removes a block; a list item or quote left empty goes with it, and a body left empty keeps one paragraph. */
function removeElement(fragment: Y.XmlFragment, element: Y.XmlElement): void {
  let node: Y.XmlElement = element;
  while (node.parent instanceof Y.XmlElement && node.parent.length === 1) node = node.parent;
  const parent = node.parent as Y.XmlFragment | Y.XmlElement;
  parent.delete(parent.toArray().indexOf(node), 1);
  if (fragment.length === 0) fragment.insert(0, [new Y.XmlElement('paragraph')]);
}

function applyToBody(docs: FixDocs, fix: Extract<Fix, { kind: 'replace' | 'removeTallyRow' | 'removeBlock' }>, origin: unknown): boolean {
  const found = fragmentFor(docs, fix.part, fix.kind === 'removeTallyRow' ? 'body' : fix.fragment);
  const element = found ? blockElement(found.fragment, fix.block) : null;
  if (found === null || element === null) return false;
  let done = false;
  found.doc.transact(() => {
    if (fix.kind === 'replace') done = element.nodeName !== 'awardTally' && replaceText(element, fix);
    else if (fix.kind === 'removeTallyRow') {
      const rows = element.toArray().filter((child) => child instanceof Y.XmlElement && child.nodeName === 'awardRow');
      const row = rows[fix.row];
      done = element.nodeName === 'awardTally' && row !== undefined;
      if (done) element.delete(element.toArray().indexOf(row!), 1);
    } else {
      const text = element.nodeName === 'awardTally' ? '' : nfc(elementText(element));
      done = text === nfc(fix.text);
      if (done) removeElement(found.fragment, element);
    }
  }, origin);
  return done;
}

function applyToFrame(doc: Y.Doc, fix: Extract<Fix, { kind: 'setField' | 'setRecipient' | 'addRecipient' }>, origin: unknown): boolean {
  let done = false;
  doc.transact(() => {
    const map = doc.getMap<unknown>(FRAME_MAP);
    if (fix.kind === 'setField') {
      const current = map.get(fix.field);
      done = nfc(typeof current === 'string' ? current : '') === nfc(fix.from);
      if (done) map.set(fix.field, nfc(fix.to));
      return;
    }
    const list = recipientsOf(doc);
    if (fix.kind === 'addRecipient') {
      list.push([nfc(fix.value)]);
      done = true;
      return;
    }
    const current = fix.index < list.length ? list.get(fix.index) : undefined;
    done = typeof current === 'string' && nfc(current) === nfc(fix.from);
    if (!done) return;
    list.delete(fix.index, 1);
    list.insert(fix.index, [nfc(fix.to)]);
  }, origin);
  return done;
}

/** Applies `fix` to the documents; true when it changed them. `origin` marks the transaction. */
export function applyFix(fix: Fix, docs: FixDocs, origin: unknown = 'form-checker'): boolean {
  switch (fix.kind) {
    case 'setField':
    case 'setRecipient':
    case 'addRecipient':
      return docs.frame === undefined ? false : applyToFrame(docs.frame, fix, origin);
    case 'replace':
    case 'removeTallyRow':
    case 'removeBlock':
      return applyToBody(docs, fix, origin);
  }
}
