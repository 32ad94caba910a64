/**
 * Report templates: the type, its validator and the starting content it produces, together.
 * Templates are data files in `templates/`; the server validates each when it loads it.
 */
import { z } from 'zod';
import type { TemplateSummary } from './api/templates.js';
import type { ProseMirrorJSON } from './editorSchema.js';
import { isValidId } from './rooms.js';

const id = z.string().refine(isValidId, { message: 'must be 1–64 letters, digits, "-" or "_"' });
const text = z.string().trim().min(1, { message: 'must not be empty' });

/** A numbered part of a section ("1. Thuận lợi") with a line of guidance under it. */
export const templatePartSchema = z.strictObject({
  heading: text,
  guidance: text.optional(),
});

/** A main section of the report ("I. KẾT QUẢ TRIỂN KHAI THỰC HIỆN"). */
export const templateSectionSchema = z.strictObject({
  id,
  /** Written in upper case in the document (ND30.md, "I. TITLE"); stored as written here. */
  title: text,
  /** Guidance shown at the top of the section, before its parts. */
  guidance: text.optional(),
  parts: z.array(templatePartSchema).default([]),
});

export const templateSchema = z
  .strictObject({
    id,
    title: text,
    description: z.string().default(''),
    /** The document type as printed ("BÁO CÁO", ND30.md "Title and body"). */
    docType: text,
    /** The type's symbol (PL III: "BC" for Báo cáo). */
    docSymbol: text,
    /** Guidance for the opening paragraphs before section I (the frame room's preamble). */
    preambleGuidance: text.optional(),
    sections: z.array(templateSectionSchema).min(1, { message: 'needs at least one section' }),
    /** Starting values of the frame's footer (CONTRACT.md keys). */
    frame: z
      .strictObject({
        signAuthority: text.optional(),
        signTitle: text.optional(),
        recipients: z.array(text).optional(),
      })
      .default({}),
  })
  .superRefine((template, ctx) => {
    const seen = new Set<string>();
    template.sections.forEach((section, index) => {
      if (seen.has(section.id)) {
        ctx.addIssue({ code: 'custom', path: ['sections', index, 'id'], message: `duplicate section id "${section.id}"` });
      }
      seen.add(section.id);
    });
  });

export type Template = z.infer<typeof templateSchema>;
export type TemplateSection = z.infer<typeof templateSectionSchema>;

/** What `GET /api/templates` returns for each template (its schema is in common/api/templates.ts). */
export type { TemplateSummary } from './api/templates.js';

export function summariseTemplate(template: Template): TemplateSummary {
  return {
    id: template.id,
    title: template.title,
    description: template.description,
    docType: template.docType,
    // The guidance goes too: the editor draws it as placeholders (common/guidance.ts).
    ...(template.preambleGuidance ? { preambleGuidance: template.preambleGuidance } : {}),
    sections: template.sections.map((section) => ({
      id: section.id,
      title: section.title,
      ...(section.guidance ? { guidance: section.guidance } : {}),
      parts: section.parts.map((part) => ({ heading: part.heading, ...(part.guidance ? { guidance: part.guidance } : {}) })),
    })),
  };
}

/**
 * The preamble a new report starts with: one empty paragraph to type into. Its guidance is not written:
 * the editor draws it there as a placeholder while the paragraph is empty (common/guidance.ts).
 */
export function preambleStartingContent(_template: Pick<Template, 'preambleGuidance'>): ProseMirrorJSON {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

/**
 * The body a new section starts with: an empty paragraph where the section has guidance, then each part
 * as a numbered heading (level 2; the number is drawn, not typed) followed by an empty paragraph. Always at
 * least one paragraph to type into. No guidance is written: the editor draws each part's guidance in its
 * empty paragraph as a placeholder (common/guidance.ts), and nothing of it is stored or exported.
 */
export function sectionStartingContent(section: TemplateSection): ProseMirrorJSON {
  const content: ProseMirrorJSON[] = [];
  if (section.guidance) content.push({ type: 'paragraph' });
  for (const part of section.parts) {
    content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: part.heading }] });
    content.push({ type: 'paragraph' });
  }
  if (content.length === 0) content.push({ type: 'paragraph' });
  return { type: 'doc', content };
}
