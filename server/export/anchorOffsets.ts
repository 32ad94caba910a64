/**
 * Where a comment's anchor lies in a section body's text, for the export (issue 9: comments in the Word
 * file). An anchor resolves to places in the Yjs tree (common/anchors.ts); the export reads the body as
 * ProseMirror JSON instead, whose shape may differ (normalised by the schema, or read as plain paragraphs
 * when it does not fit). What every reading keeps is the text itself, in order, so a place is given as a
 * character offset into all the body's text, text node after text node, with nothing counted between them
 * (`commentMarks.ts` counts the JSON's text the same way).
 */
import * as Y from 'yjs';
import { resolveAnchor, type AnchorPoint, type BodyNode } from '../../common/anchors.js';
import type { Anchor } from '../../common/review.js';
import { SECTION_FRAGMENT } from '../../common/rooms.js';

/** Where a node's text starts and ends, in characters of the whole body's text. */
interface Span {
  start: number;
  end: number;
}

/** The characters a text node holds: string content only (an embed is no text in the JSON either). */
function textLength(text: Y.XmlText, units = Infinity): number {
  let length = 0;
  let seen = 0;
  for (const op of text.toDelta() as Array<{ insert?: unknown }>) {
    if (seen >= units) break;
    const size = typeof op.insert === 'string' ? op.insert.length : 1;
    const taken = Math.min(size, units - seen);
    if (typeof op.insert === 'string') length += taken;
    seen += taken;
  }
  return length;
}

/** The span of every node of the body, walked without recursion (a hostile body may nest deeply). */
function textSpans(body: Y.XmlFragment): Map<unknown, Span> {
  const spans = new Map<unknown, Span>();
  const stack: Array<{ node: unknown; exit: boolean }> = [{ node: body, exit: false }];
  let offset = 0;
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (exit) {
      spans.get(node)!.end = offset;
    } else if (node instanceof Y.XmlText) {
      const length = textLength(node);
      spans.set(node, { start: offset, end: offset + length });
      offset += length;
    } else if (node instanceof Y.XmlFragment || node instanceof Y.XmlElement) {
      spans.set(node, { start: offset, end: offset });
      stack.push({ node, exit: true });
      for (const child of node.toArray().reverse()) stack.push({ node: child, exit: false });
    }
  }
  return spans;
}

/** The text offset of one side of an anchor: in a text node, or before a child of an element. */
function offsetOf(spans: Map<unknown, Span>, point: AnchorPoint): number | null {
  const span = spans.get(point.type);
  if (!span) return null;
  if (point.type instanceof Y.XmlText) return span.start + textLength(point.type, point.index);
  const children = (point.type as Exclude<BodyNode, Y.XmlText>).toArray();
  const child = children[point.index];
  return child === undefined ? span.end : (spans.get(child)?.start ?? null);
}

/** Resolves the anchors of a section's notes against its document. */
export interface AnchorReader {
  /** The text an anchor covers, `[from, to)`; null when that text is gone (or never was in this body). */
  rangeOf(anchor: Anchor): { from: number; to: number } | null;
}

/** Reads anchors in `doc`, a section's document; the body is measured once, on the first anchor. */
export function anchorReader(doc: Y.Doc): AnchorReader {
  let spans: Map<unknown, Span> | null = null;
  return {
    rangeOf(anchor) {
      let resolved;
      try {
        resolved = resolveAnchor(doc, anchor);
      } catch {
        // The resolver recurses through the body: one nested deeper than the stack allows cannot be read.
        // Its note then prints as on deleted text rather than failing the whole file.
        return null;
      }
      if (resolved === null || resolved.detached) return null;
      spans ??= textSpans(doc.getXmlFragment(SECTION_FRAGMENT));
      const from = offsetOf(spans, resolved.from);
      const to = offsetOf(spans, resolved.to);
      // Both sides may lie between paragraphs with no text between them: nothing is covered.
      return from !== null && to !== null && from < to ? { from, to } : null;
    },
  };
}
