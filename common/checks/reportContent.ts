/**
 * What the checker reads: a report's content as its rooms hold it — the frame's fields, the opening
 * paragraphs, each section's blocks — with what the rules compare it to: the guidance of its template
 * (hints.ts), the award catalogue and the vocabulary. Read from `Y.Doc`s, so the server (from the store)
 * and the browser (from its live rooms) read it alike.
 */
import * as Y from 'yjs';
import type { AwardCatalogue } from '../awards.js';
import type { GuidanceSource } from '../guidance.js';
import { FRAME_TEXT_KEYS, readFrame, type FrameFields, type FrameTextKey } from '../frame.js';
import { PREAMBLE_FRAGMENT, SECTION_FRAGMENT } from '../rooms.js';
import { readBlocks, type Block } from './bodyBlocks.js';
import { sectionPart, type Fragment, type Target } from './finding.js';
import type { Vocabulary } from './vocabularyList.js';

export interface SectionContent {
  id: string;
  /** The Roman numeral shown before its title ("I"). */
  number: string;
  title: string;
  blocks: readonly Block[];
}

export interface ReportContent {
  frame: FrameFields;
  preamble: readonly Block[];
  sections: readonly SectionContent[];
}

/** What the rules compare the content to. */
export interface CheckContext {
  /**
   * The report's template, for its guidance (common/guidance.ts): a paragraph that reads a guidance line of
   * its place is a hint left. A loaded template and `GET /api/templates`' summary both fit; null: none known.
   */
  guidance: GuidanceSource | null;
  /** The award catalogue; null while the browser loads it (the tally's award names are then not checked). */
  catalogue: AwardCatalogue | null;
  vocabulary: Vocabulary;
}

/** The rooms of a report, as documents: the frame, and each section's (undefined: not loaded, read as empty). */
export interface ReportDocs {
  frame: Y.Doc;
  sections: ReadonlyArray<{ id: string; number: string; title: string; doc: Y.Doc | undefined }>;
}

/** A fragment of a document, asked for by kind (a stored document holds its root types untyped until then). */
export function fragmentOf(doc: Y.Doc, name: string): Y.XmlFragment | null {
  try {
    return doc.getXmlFragment(name);
  } catch {
    return null;
  }
}

/** Reads a report's content from its rooms' documents. */
export function readReportContent(docs: ReportDocs): ReportContent {
  const frame = readFrame(docs.frame);
  const fields = Object.fromEntries(FRAME_TEXT_KEYS.map((key) => [key, frame[key].normalize('NFC')])) as Record<FrameTextKey, string>;
  const preamble = fragmentOf(docs.frame, PREAMBLE_FRAGMENT);
  return {
    frame: { ...fields, recipients: frame.recipients.map((line) => line.normalize('NFC')) },
    preamble: preamble ? readBlocks(preamble) : [],
    sections: docs.sections.map(({ id, number, title, doc }) => {
      const body = doc ? fragmentOf(doc, SECTION_FRAGMENT) : null;
      return { id, number, title, blocks: body ? readBlocks(body) : [] };
    }),
  };
}

/** A text of the report the prose rules read: where it is, and the text. */
export interface TextPlace {
  part: string;
  target: Target;
  text: string;
}

/** The frame's fields that are running text (the names and the signature block have rules of their own). */
const PROSE_FIELDS: readonly FrameTextKey[] = ['subject'];

function blockPlaces(part: string, fragment: Fragment, blocks: readonly Block[]): TextPlace[] {
  return blocks.flatMap((block) => (block.kind === 'text' ? [{ part, target: { kind: 'block', fragment, block: block.index } as const, text: block.text }] : []));
}

/**
 * Every running text of the report in reading order: the subject, the opening paragraphs, each section's
 * paragraphs and headings, then the recipients. `fields` adds other frame fields (spelling reads the
 * agency's name and the place too).
 */
export function textPlaces(content: ReportContent, fields: readonly FrameTextKey[] = PROSE_FIELDS): TextPlace[] {
  const frameFields = fields.map((field) => ({ part: 'frame', target: { kind: 'field', field } as const, text: content.frame[field] }));
  return [
    ...frameFields,
    ...blockPlaces('frame', 'preamble', content.preamble),
    ...content.sections.flatMap((section) => blockPlaces(sectionPart(section.id), 'body', section.blocks)),
    ...content.frame.recipients.map((text, index) => ({ part: 'frame', target: { kind: 'recipient', index } as const, text })),
  ];
}
