/**
 * Guidance left as text (common/guidance.ts): reports created before guidance became a placeholder hold
 * their template's lines ("Nêu các chỉ thị, quyết định…") as paragraphs. Such a paragraph is a hint left in
 * the report — printed as if it were its text — and a part that holds nothing else is still empty. Which
 * lines are guidance, and where, is common/guidance.ts's to say; the checker reads it through this file.
 */
import { guidanceOf, isGuidanceLine, type GuidanceSource, type PlaceGuidance } from '../guidance.js';
import type { Block } from './bodyBlocks.js';

export type { GuidanceSource, PlaceGuidance };

/** The guidance of a section (`sectionId`) or of the opening paragraphs (null); none without a template. */
export function placeGuidance(template: GuidanceSource | null, sectionId: string | null): PlaceGuidance {
  return template === null ? { parts: [] } : guidanceOf(template, sectionId);
}

/** Whether a block is a paragraph whose whole text is one of its place's guidance lines. */
export function isHint(block: Block, place: PlaceGuidance): boolean {
  return block.kind === 'text' && block.node === 'paragraph' && isGuidanceLine(place, block.text);
}
