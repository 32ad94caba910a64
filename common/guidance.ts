/**
 * The template's guidance ("Nêu các chỉ thị, quyết định…", issue 12 item 1): lines telling the writer what
 * a part should say. Guidance is a placeholder, never text: a new report's parts start empty
 * (common/template.ts), the editor draws the guidance, greyed, where a part is still empty, and the export
 * never prints it. Reports created before that hold their guidance as paragraphs of text: a paragraph whose
 * whole text is one of the guidance lines of its place (NFC, blanks collapsed, trimmed) is read as
 * guidance, not as text — by the editor, the export and the form checker alike.
 */
import type { ProseMirrorJSON } from './editorSchema.js';

/** What a template says about guidance; both a loaded template and `GET /api/templates`' summary fit. */
export interface GuidanceSource {
  preambleGuidance?: string;
  sections: ReadonlyArray<{
    id: string;
    guidance?: string;
    parts?: ReadonlyArray<{ heading: string; guidance?: string }>;
  }>;
}

/**
 * The guidance of one place of a report: a section, or the opening paragraphs. `lead` stands at the top,
 * before the first part; each part's stands under its heading.
 */
export interface PlaceGuidance {
  lead?: string;
  parts: Array<{ heading: string; guidance?: string }>;
}

/** The guidance of every place of a report, as plain data (it goes to the export's worker threads). */
export interface ReportGuidance {
  preamble: PlaceGuidance;
  /** Section id → its guidance. */
  sections: Record<string, PlaceGuidance>;
}

const NO_GUIDANCE: PlaceGuidance = { parts: [] };

/** A text as guidance is compared: NFC, blanks collapsed, trimmed. */
export function guidanceKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The guidance of section `sectionId`, or of the opening paragraphs when it is null. */
export function guidanceOf(template: GuidanceSource, sectionId: string | null): PlaceGuidance {
  if (sectionId === null) return template.preambleGuidance ? { lead: template.preambleGuidance, parts: [] } : NO_GUIDANCE;
  const section = template.sections.find((candidate) => candidate.id === sectionId);
  if (section === undefined) return NO_GUIDANCE;
  const parts = (section.parts ?? []).map((part) => ({ heading: part.heading, ...(part.guidance ? { guidance: part.guidance } : {}) }));
  return section.guidance ? { lead: section.guidance, parts } : { parts };
}

/** The guidance of every place of a report made from `template`. */
export function reportGuidance(template: GuidanceSource): ReportGuidance {
  return {
    preamble: guidanceOf(template, null),
    sections: Object.fromEntries(template.sections.map((section) => [section.id, guidanceOf(template, section.id)])),
  };
}

/** Every guidance line of a place, as compared ({@link guidanceKey}). */
export function guidanceLines(place: PlaceGuidance): Set<string> {
  const lines = [place.lead, ...place.parts.map((part) => part.guidance)];
  return new Set(lines.flatMap((line) => (line ? [guidanceKey(line)] : [])));
}

/** True when `text`, a paragraph's whole text, is one of the place's guidance lines. */
export function isGuidanceLine(place: PlaceGuidance, text: string): boolean {
  const key = guidanceKey(text);
  return key !== '' && guidanceLines(place).has(key);
}

/**
 * True when `text`, a paragraph's whole text in section `sectionId` (null: the opening paragraphs) of a
 * report made from `template`, is guidance left there — a placeholder, not the report's text.
 */
export function isGuidanceText(template: GuidanceSource, sectionId: string | null, text: string): boolean {
  return isGuidanceLine(guidanceOf(template, sectionId), text);
}

/** The text of a ProseMirror JSON node: its text nodes, in order, nothing between them. */
export function nodeText(node: ProseMirrorJSON): string {
  if (typeof node.text === 'string') return node.text;
  return (Array.isArray(node.content) ? node.content : []).map((child) => (typeof child === 'object' && child !== null ? nodeText(child) : '')).join('');
}

/** A body without its guidance, and where the guidance's text stood in the body's text. */
export interface GuidanceFree {
  body: ProseMirrorJSON;
  /**
   * The text taken out, as `[start, end)` in characters of the original body's text (every text node in
   * document order, nothing counted between them), in order: to move offsets counted in that text.
   */
  removed: Array<readonly [number, number]>;
}

/**
 * `body` (a `doc`) with every top-level paragraph that is guidance of `place` emptied: the paragraph stays
 * (it prints nothing), its text goes. Nothing else changes; a body that is not a `doc` is returned as is.
 */
export function withoutGuidance(body: ProseMirrorJSON, place: PlaceGuidance): GuidanceFree {
  const lines = guidanceLines(place);
  const children = body.type === 'doc' && Array.isArray(body.content) ? body.content : null;
  if (lines.size === 0 || children === null) return { body, removed: [] };
  const removed: Array<readonly [number, number]> = [];
  let offset = 0;
  const content = children.map((child) => {
    const text = typeof child === 'object' && child !== null ? nodeText(child) : '';
    const start = offset;
    offset += text.length;
    if (child?.type !== 'paragraph' || !lines.has(guidanceKey(text))) return child;
    if (text.length > 0) removed.push([start, offset]);
    const { content: _dropped, ...paragraph } = child;
    return paragraph;
  });
  return removed.length === 0 ? { body, removed } : { body: { ...body, content }, removed };
}

/**
 * Where an offset of the original body's text stands once the `removed` spans are gone: shifted back by
 * what was removed before it; one inside a removed span moves to where that span was.
 */
export function offsetWithout(removed: ReadonlyArray<readonly [number, number]>, offset: number): number {
  let shift = 0;
  for (const [start, end] of removed) {
    if (offset <= start) break;
    shift += Math.min(offset, end) - start;
  }
  return offset - shift;
}
