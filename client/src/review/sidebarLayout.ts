/**
 * Places the sidebar's cards level with their text, as a word processor does: each card wants the height
 * of the start of its text (or of its section's heading, when its text is gone); cards that would overlap
 * are pushed down — or, above the selected card, up — so the selected one sits exactly beside its text.
 */

/** A card to place: where it wants to be and how tall it is, in pixels from the top of the sidebar. */
export interface CardSlot {
  key: string;
  wanted: number;
  /** Where its text starts along the line: of two cards on one line, the earlier text comes first. */
  across: number;
  height: number;
}

/** Space between two cards, in pixels. */
export const CARD_GAP = 8;

/** The top of each card, by key. `activeKey` (if placed) gets exactly its wanted top. */
export function placeCards(slots: readonly CardSlot[], activeKey: string | null): Map<string, number> {
  const sorted = [...slots].sort((a, b) => a.wanted - b.wanted || a.across - b.across || a.key.localeCompare(b.key));
  const tops = sorted.map((slot) => slot.wanted);
  const pivot = sorted.findIndex((slot) => slot.key === activeKey);
  const start = pivot < 0 ? 0 : pivot;
  for (let index = start - 1; index >= 0; index -= 1) {
    tops[index] = Math.min(tops[index]!, tops[index + 1]! - sorted[index]!.height - CARD_GAP);
  }
  for (let index = start + 1; index < sorted.length; index += 1) {
    tops[index] = Math.max(tops[index]!, tops[index - 1]! + sorted[index - 1]!.height + CARD_GAP);
  }
  // Cards pushed above the top of the sidebar come back down, and everything below them with them.
  const overflow = Math.min(0, ...tops);
  return new Map(sorted.map((slot, index) => [slot.key, tops[index]! - overflow]));
}
