/**
 * The end of a report's body: "./." (ND30.md, "Title and body": report bodies end with "./."). Added to
 * the last paragraph unless it already ends so; a body that ends with a table, a heading or nothing gets a
 * paragraph of its own.
 */
import { inlineText, plain, type Block, type Inline, type ParagraphBlock } from './exportModel.js';

export const CLOSING_MARK = './.';

/** `text` ending in "./.": "… như sau." → "… như sau./.", "… đề xuất;" → "… đề xuất./.". */
export function closeText(text: string): string {
  const trimmed = text.trimEnd();
  if (trimmed.endsWith(CLOSING_MARK)) return trimmed;
  if (trimmed.endsWith('.')) return `${trimmed}/.`;
  return `${trimmed.replace(/[;,:]+$/, '')}${CLOSING_MARK}`;
}

/** The runs with trailing breaks and blank runs dropped and the last run closed. */
function closeInlines(inlines: readonly Inline[]): Inline[] {
  const out = [...inlines];
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    if (last.kind === 'text' && last.text.trim() !== '') break;
    out.pop();
  }
  const last = out[out.length - 1];
  if (last?.kind !== 'text') return out;
  // The mark may already be there, split over runs of different marks ("…sau." + "/.").
  const done = inlineText(out).trimEnd().endsWith(CLOSING_MARK);
  out[out.length - 1] = { ...last, text: done ? last.text.trimEnd() : closeText(last.text) };
  return out;
}

const closable = (block: Block | undefined): block is ParagraphBlock =>
  block?.kind === 'paragraph' && block.role !== 'sectionHeading' && block.role !== 'item' && inlineText(block.inlines).trim() !== '';

/** The body with its closing mark. */
export function withClosingMark(blocks: readonly Block[]): Block[] {
  const last = blocks[blocks.length - 1];
  if (closable(last)) return [...blocks.slice(0, -1), { ...last, inlines: closeInlines(last.inlines) }];
  return [...blocks, { kind: 'paragraph', role: 'body', depth: 0, inlines: [plain(CLOSING_MARK)] }];
}
