/**
 * Anchors of comments and suggestions (common/review.ts): a pair of Yjs relative positions in a section's
 * `body` fragment, each `Y.encodeRelativePosition` as base64. A relative position names the item beside
 * it, not an offset, so the range follows its text whatever others type before, inside or after it; when
 * its text is deleted both ends fall together and the anchor is *detached*.
 *
 * Pure functions of a `Y.Doc`, run by the server (to check an anchor and to apply a suggestion) and by the
 * client (to draw the highlight). Positions are resolved without following undone deletions, as Yjs asks
 * for positions shared between clients (yjs#638), so every replica reads an anchor the same way.
 */
import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';
import type { Anchor } from './review.js';
import { MAX_ANCHOR_POSITION_LENGTH } from './review.js';
import { SECTION_FRAGMENT } from './rooms.js';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** One side of an anchor as base64 text. */
export function encodeAnchorPosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/**
 * One side of an anchor read back; null for anything that is not exactly what {@link encodeAnchorPosition}
 * writes (bad base64, bytes that do not decode, or decode to something that does not encode back the same).
 */
export function decodeAnchorPosition(encoded: string): Y.RelativePosition | null {
  if (encoded.length > MAX_ANCHOR_POSITION_LENGTH || encoded.length % 4 !== 0 || !BASE64.test(encoded)) return null;
  try {
    const bytes = fromBase64(encoded);
    const position = Y.decodeRelativePosition(bytes);
    return toBase64(Y.encodeRelativePosition(position)) === encoded ? position : null;
  } catch {
    return null;
  }
}

/**
 * The anchor of `[start, end)` of a text node. The start leans right and the end leans left, so text
 * typed at either edge stays outside the range (as a comment's highlight does in a word processor).
 */
export function anchorOfText(text: Y.XmlText | Y.Text, start: number, end: number): Anchor {
  return {
    from: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(text, start, 0)),
    to: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(text, end, -1)),
  };
}

/** A node of a section's body: the body itself, an element, or a run of text. */
export type BodyNode = Y.XmlFragment | Y.XmlElement | Y.XmlText;

/** Where one side of an anchor is now: a type inside the body and an index in it (children, or characters). */
export interface AnchorPoint {
  type: BodyNode;
  index: number;
  /** The type, or one of the elements it lies in, has been deleted. */
  inDeleted: boolean;
}

/**
 * The section's body fragment, or null when the document has none. A document loaded from an update
 * holds its root types untyped until asked for by kind, so it is asked for as a fragment (which changes
 * nothing in the document).
 */
function bodyOf(doc: Y.Doc): Y.XmlFragment | null {
  if (!doc.share.has(SECTION_FRAGMENT)) return null;
  try {
    return doc.getXmlFragment(SECTION_FRAGMENT);
  } catch {
    // Defined as another kind of type: not a section's document.
    return null;
  }
}

function isBodyNode(type: unknown): type is BodyNode {
  return type instanceof Y.XmlText || type instanceof Y.XmlElement || type instanceof Y.XmlFragment;
}

/** Whether `type` is `body` or lies inside it, and whether anything on the way up is deleted. */
function placeIn(body: Y.XmlFragment, type: BodyNode): { inside: boolean; inDeleted: boolean } {
  let inDeleted = false;
  let current: unknown = type;
  while (current !== body) {
    const item = isBodyNode(current) ? current._item : null;
    if (item === null) return { inside: false, inDeleted };
    if (item.deleted) inDeleted = true;
    current = item.parent;
  }
  return { inside: true, inDeleted };
}

/**
 * Resolves one side in `doc`; null when it does not point into the body of this document (an item this
 * document never had, another root type, an attribute rather than a place in the content).
 */
export function resolveAnchorPosition(doc: Y.Doc, position: Y.RelativePosition): AnchorPoint | null {
  const body = bodyOf(doc);
  if (body === null) return null;
  // `Y.createAbsolutePositionFromRelativePosition` would create a root type of any other name.
  if (position.tname !== null && position.tname !== SECTION_FRAGMENT) return null;
  let absolute: Y.AbsolutePosition | null;
  try {
    if (position.item !== null) {
      if (Y.getState(doc.store, position.item.client) <= position.item.clock) return null;
      const item = Y.getItem(doc.store, position.item);
      // A map entry (an element's attribute) is no place in the content.
      if (!(item instanceof Y.Item) || item.parentSub !== null) return null;
    }
    absolute = Y.createAbsolutePositionFromRelativePosition(position, doc, false);
  } catch {
    return null;
  }
  if (absolute === null || !isBodyNode(absolute.type)) return null;
  const { inside, inDeleted } = placeIn(body, absolute.type);
  if (!inside) return null;
  return { type: absolute.type, index: absolute.index, inDeleted };
}

/**
 * The ProseMirror position of a point (each character 1, each element's start and end 1 each), counted
 * from the start of the body, so that points in different nodes can be compared.
 */
export function documentOffset(body: Y.XmlFragment, point: Pick<AnchorPoint, 'type' | 'index'>): number | null {
  const found = locate(body, point, 0);
  return 'at' in found ? found.at : null;
}

type Located = { at: number } | { size: number };

function locate(type: BodyNode, point: Pick<AnchorPoint, 'type' | 'index'>, start: number): Located {
  if (type instanceof Y.XmlText) {
    return type === point.type ? { at: start + Math.min(point.index, type.length) } : { size: type.length };
  }
  const children = type.toArray();
  let offset = start;
  for (const [index, child] of children.entries()) {
    if (type === point.type && index === point.index) return { at: offset };
    if (child instanceof Y.XmlElement) {
      const inner = locate(child, point, offset + 1);
      if ('at' in inner) return inner;
      offset += inner.size + 2;
    } else if (child instanceof Y.XmlText) {
      const inner = locate(child, point, offset);
      if ('at' in inner) return inner;
      offset += inner.size;
    } else {
      offset += 1;
    }
  }
  if (type === point.type) return { at: offset };
  return { size: offset - start };
}

/** Both sides of an anchor resolved in a section's document. */
export interface ResolvedAnchor {
  from: AnchorPoint;
  to: AnchorPoint;
  /** The anchored text is gone: its nodes were deleted, or both sides now meet (or cross). */
  detached: boolean;
}

/** Resolves an anchor in a section's document; null when either side does not decode or is not in its body. */
export function resolveAnchor(doc: Y.Doc, anchor: Anchor): ResolvedAnchor | null {
  const fromPosition = decodeAnchorPosition(anchor.from);
  const toPosition = decodeAnchorPosition(anchor.to);
  if (fromPosition === null || toPosition === null) return null;
  const from = resolveAnchorPosition(doc, fromPosition);
  const to = resolveAnchorPosition(doc, toPosition);
  if (from === null || to === null) return null;
  return { from, to, detached: from.inDeleted || to.inDeleted || !precedes(bodyOf(doc)!, from, to) };
}

/** True when `from` comes strictly before `to` in the document. */
function precedes(body: Y.XmlFragment, from: AnchorPoint, to: AnchorPoint): boolean {
  if (from.type === to.type) return from.index < to.index;
  const a = documentOffset(body, from);
  const b = documentOffset(body, to);
  return a !== null && b !== null && a < b;
}

/** Whether an anchor no longer covers any text of the document (or never pointed into it). */
export function isDetached(doc: Y.Doc, anchor: Anchor): boolean {
  return resolveAnchor(doc, anchor)?.detached ?? true;
}

/** The characters of a text node, with anything that is not text (an embed) as U+FFFC. */
export function plainText(text: Y.XmlText | Y.Text): string {
  const delta = text.toDelta() as Array<{ insert?: unknown }>;
  return delta.map((op) => (typeof op.insert === 'string' ? op.insert : '\uFFFC')).join('');
}

/** An anchor that lies within one text node (one paragraph's run of text): the node and the range in it. */
export interface TextRange {
  text: Y.XmlText;
  start: number;
  end: number;
  /** What the range reads now. */
  content: string;
}

/** The range an anchor covers when both sides are in the same text node and it is not detached; else null. */
export function anchoredTextRange(doc: Y.Doc, anchor: Anchor): TextRange | null {
  const resolved = resolveAnchor(doc, anchor);
  if (resolved === null || resolved.detached) return null;
  const { from, to } = resolved;
  if (from.type !== to.type || !(from.type instanceof Y.XmlText)) return null;
  return { text: from.type, start: from.index, end: to.index, content: plainText(from.type).slice(from.index, to.index) };
}

/** The formatting (marks) of the character at `index` of a text node, to give a replacement the same. */
export function formattingAt(text: Y.XmlText, index: number): Record<string, unknown> {
  let offset = 0;
  for (const op of text.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (index < offset + length) return { ...op.attributes };
    offset += length;
  }
  return {};
}
