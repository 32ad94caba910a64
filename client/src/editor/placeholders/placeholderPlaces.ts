/**
 * Where a section's guidance is drawn (issue 12, item 1), read from the document and the template's
 * guidance at render time (common/guidance.ts): nothing of it is stored.
 *
 * A body is read as its parts: the lead (the blocks before the first level-2 heading) and each part (a
 * level-2 heading and the blocks up to the next one). A part whose blocks are all empty paragraphs shows
 * its guidance in the first of them. A part's guidance is the template's part with the same heading, or
 * else the part at the same place (headings get edited: "… thực hiện" becomes "… thực hiện Đề án.").
 *
 * Reports made before guidance became a placeholder hold it as text: a paragraph whose whole text is one
 * of the place's guidance lines is found too (`legacy`), to be drawn as guidance and taken out.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { guidanceKey, guidanceLines, type PlaceGuidance } from '../../../../common/guidance.js';

/** A paragraph where guidance shows. */
export interface GuidancePlace {
  /** The paragraph's position (before it) and size in the document. */
  pos: number;
  size: number;
  /** `empty`: an empty paragraph where the guidance is drawn; `legacy`: guidance stored as text. */
  kind: 'empty' | 'legacy';
  /** The guidance it shows (for `legacy`, its own text). */
  text: string;
  /** For `legacy`: whether other blocks of its part hold text (it then goes whole, not just its text). */
  partHasText: boolean;
}

interface Part {
  guidance: string | undefined;
  blocks: Array<{ node: ProseMirrorNode; pos: number }>;
}

const isEmptyParagraph = (node: ProseMirrorNode) => node.type.name === 'paragraph' && node.childCount === 0;
const isPartHeading = (node: ProseMirrorNode) => node.type.name === 'heading' && node.attrs.level === 2;

/** The guidance of the `index`th part (from 0), whose heading reads `heading`. */
function partGuidance(place: PlaceGuidance, heading: string, index: number): string | undefined {
  const key = guidanceKey(heading);
  const named = place.parts.find((part) => guidanceKey(part.heading) === key);
  return named !== undefined ? named.guidance : place.parts[index]?.guidance;
}

/** The body's lead and parts, with the guidance each would show. */
function partsOf(doc: ProseMirrorNode, place: PlaceGuidance): Part[] {
  const parts: Part[] = [{ guidance: place.lead, blocks: [] }];
  let index = 0;
  doc.forEach((node, pos) => {
    if (isPartHeading(node)) {
      parts.push({ guidance: partGuidance(place, node.textContent, index), blocks: [] });
      index += 1;
      return;
    }
    parts[parts.length - 1]!.blocks.push({ node, pos });
  });
  return parts;
}

/** Every paragraph of `doc` where guidance of `place` shows, in document order. */
export function guidancePlaces(doc: ProseMirrorNode, place: PlaceGuidance | null): GuidancePlace[] {
  if (place === null) return [];
  const lines = guidanceLines(place);
  const found: GuidancePlace[] = [];
  for (const part of partsOf(doc, place)) {
    const legacy = part.blocks.filter(({ node }) => node.type.name === 'paragraph' && lines.has(guidanceKey(node.textContent)) && node.textContent !== '');
    const partHasText = part.blocks.some(({ node }) => !isEmptyParagraph(node) && !legacy.some((hint) => hint.node === node));
    for (const { node, pos } of legacy) found.push({ pos, size: node.nodeSize, kind: 'legacy', text: node.textContent, partHasText });
    const first = part.blocks[0];
    if (part.guidance && first !== undefined && part.blocks.every(({ node }) => isEmptyParagraph(node))) {
      found.push({ pos: first.pos, size: first.node.nodeSize, kind: 'empty', text: part.guidance, partHasText: false });
    }
  }
  return found.sort((a, b) => a.pos - b.pos);
}
