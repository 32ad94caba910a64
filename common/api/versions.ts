/**
 * Opening, exporting, comparing and restoring a named version of a report (issue 10, item 5; CONTRACT.md,
 * "Review, workflow, issuing, records"). Listing and saving versions are in workflow.ts.
 *
 * A version's content is given as the export prints it (server/export/bodyBlocks.ts): headings as numbered
 * items ("1. …", "a) …"), paragraphs, list items with their labels, an award tally as its table rows
 * followed by its prose; plain text, NFC. The client renders it read-only, and the comparison works on it.
 */
import { z } from 'zod';
import { FRAME_TEXT_KEYS, type FrameTextKey } from '../frame.js';
import { reportSchema, reportStatusSchema } from './reports.js';
import { defineRoute } from './route.js';
import { versionSchema } from './workflow.js';

const count = z.number().int().nonnegative();

/** A paragraph of the body; its number or list label ("1. ", "a) ", "- ") starts its text. */
export const contentParagraphSchema = z.object({
  kind: z.literal('paragraph'),
  role: z
    .enum(['item', 'point', 'body', 'listItem'])
    .describe('`item`: a numbered heading "1. …"; `point`: a lettered one "a) …"; `body`: running text; `listItem`: an item of a list'),
  depth: count.describe('how many lists or quotations it sits in'),
  text: z.string().describe('line breaks as "\\n"'),
});

/** An award tally's table (its prose, when it counts anything, is the paragraph after it). */
export const contentTallySchema = z.object({
  kind: z.literal('tally'),
  rows: z.array(z.object({ award: z.string().describe('the award form’s name'), collectives: count, individuals: count })),
  total: z.object({ collectives: count, individuals: count }),
});

/** A horizontal rule. */
export const contentRuleSchema = z.object({ kind: z.literal('rule') });

export const contentBlockSchema = z.discriminatedUnion('kind', [contentParagraphSchema, contentTallySchema, contentRuleSchema]);

const frameText = Object.fromEntries(FRAME_TEXT_KEYS.map((key) => [key, z.string()])) as Record<FrameTextKey, z.ZodString>;

/** The frame's fields (CONTRACT.md, "Rooms"), every text key, blank when unset. */
export const frameFieldsSchema = z.object({ ...frameText, recipients: z.array(z.string()) });

export const contentSectionSchema = z.object({
  id: z.string(),
  number: z.string().describe('the Roman numeral, e.g. "I"'),
  title: z.string(),
  heading: z.string().describe('as printed: "I. CÔNG TÁC THAM MƯU…"'),
  blocks: z.array(contentBlockSchema),
});

export const versionContentSchema = z
  .object({
    frame: frameFieldsSchema,
    preamble: z.array(contentBlockSchema).describe('the opening paragraphs before section I'),
    sections: z.array(contentSectionSchema),
  })
  .describe('What a report reads as: its frame, opening paragraphs and sections, as the Word file prints them');

export const versionViewSchema = z
  .object({
    version: versionSchema,
    report: z.object({ id: z.string(), title: z.string(), status: reportStatusSchema.describe('the report’s status now') }),
    content: versionContentSchema,
  })
  .describe('A version of a report, opened read-only');

/** How one paragraph differs: kept, only in the version (`deleted`), only now (`inserted`), or changed. */
export const lineRoleSchema = z
  .enum(['item', 'point', 'body', 'listItem', 'tallyRow', 'rule'])
  .describe('what the paragraph is (as a content block’s role); `tallyRow`: a row of an award tally’s table');

export const textChangeSchema = z.object({ op: z.enum(['same', 'deleted', 'inserted']), text: z.string() });

export const paragraphChangeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('same'), role: lineRoleSchema, text: z.string() }),
  z.object({ op: z.literal('deleted'), role: lineRoleSchema, text: z.string().describe('in the version, no longer now') }),
  z.object({ op: z.literal('inserted'), role: lineRoleSchema, text: z.string().describe('now, not in the version') }),
  z.object({
    op: z.literal('changed'),
    role: lineRoleSchema,
    before: z.string().describe('as in the version'),
    after: z.string().describe('as now'),
    words: z.array(textChangeSchema).describe('word by word: `same` and `deleted` give `before`, `same` and `inserted` give `after`'),
  }),
]);

export const partDiffSchema = z.object({
  changed: z.boolean(),
  paragraphs: z.array(paragraphChangeSchema).describe('every paragraph, kept ones included, in order'),
});

export const sectionDiffSchema = partDiffSchema.extend({
  id: z.string(),
  number: z.string(),
  title: z.string(),
});

export const frameChangeSchema = z.object({
  field: z.enum([...FRAME_TEXT_KEYS, 'recipients']).describe('a frame key; `recipients` as lines joined with "\\n"'),
  before: z.string(),
  after: z.string(),
  words: z.array(textChangeSchema),
});

export const contentDiffSchema = z.object({
  changed: z.boolean().describe('false when the version reads exactly as now'),
  frame: z.array(frameChangeSchema).describe('only the fields that differ'),
  preamble: partDiffSchema,
  sections: z.array(sectionDiffSchema),
});

export const versionDiffSchema = contentDiffSchema
  .extend({ version: versionSchema })
  .describe('How the report now differs from a version: `deleted` is what the version had and now lacks, `inserted` what now has');

export const restoredReportSchema = reportSchema
  .extend({
    restore: z.object({
      from: versionSchema.describe('the version restored'),
      before: versionSchema.describe('the report as it was just before, stored first: nothing written since the version is lost'),
      after: versionSchema.describe('the report as restored'),
      sections: z.array(z.string()).describe('the ids of the sections the restore changed'),
    }),
  })
  .describe('The report after a restore, with the versions the restore stored');

const versionParams = z.object({ id: z.string(), vid: z.string() });

const READERS = 'anyone who may read the report: the office, the admin, the chairperson, and the departments that own one of its sections';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const versionRoutes = {
  getVersion: defineRoute({
    method: 'GET',
    path: '/api/reports/:id/versions/:vid',
    summary: 'A version opened read-only: its frame, opening paragraphs and sections as the Word file prints them',
    roles: 'signed-in',
    rolesNote: READERS,
    params: versionParams,
    success: { status: 200, description: 'the version and its content', schema: versionViewSchema },
    errors: { 403: 'not shared with the caller', 404: 'no such report, or no such version of it' },
  }),
  exportVersionDocx: defineRoute({
    method: 'GET',
    path: '/api/reports/:id/versions/:vid/export.docx',
    summary:
      'A version as a Word file, built as the report’s export is; marked "DỰ THẢO" unless it is the version stored at issuing, which answers exactly the file stored then',
    roles: 'signed-in',
    rolesNote: READERS,
    params: versionParams,
    success: { status: 200, description: 'the .docx, named after the version’s frame in Content-Disposition', file: DOCX },
    errors: {
      403: 'not shared with the caller',
      404: 'no such report, or no such version of it',
      413: 'the version is over the export’s size limit (`export_too_large`)',
      503: 'every export thread and queue place is taken; try again shortly (`export_busy`)',
    },
  }),
  diffVersion: defineRoute({
    method: 'GET',
    path: '/api/reports/:id/versions/:vid/diff',
    summary:
      'How the report now differs from a version: section by section, paragraph by paragraph (matched as a longest common subsequence), changed paragraphs word by word, and the frame’s fields',
    roles: 'signed-in',
    rolesNote: READERS,
    params: versionParams,
    success: { status: 200, description: 'the differences', schema: versionDiffSchema },
    errors: {
      403: 'not shared with the caller',
      404: 'no such report, or no such version of it',
      413: 'the report or the version is over the export’s size limit (`export_too_large`)',
    },
  }),
  restoreVersion: defineRoute({
    method: 'POST',
    path: '/api/reports/:id/versions/:vid/restore',
    summary:
      'Make the report read as a version again, as a new change every open editor receives: first the report as it is is stored as a version ("Trước khi khôi phục: …"), then each room is changed by the server, then the result is stored as a version ("Khôi phục: …")',
    roles: ['admin', 'office'],
    params: versionParams,
    success: { status: 200, description: 'the report, with the versions the restore stored', schema: restoredReportSchema },
    errors: {
      403: 'not the office, or not shared with the caller',
      404: 'no such report, or no such version of it',
      409: 'the report is issued, or being issued: it no longer changes (`report_issued`)',
    },
  }),
};

export const versionSchemas = {
  VersionView: versionViewSchema,
  VersionContent: versionContentSchema,
  VersionDiff: versionDiffSchema,
};

export type ContentBlock = z.infer<typeof contentBlockSchema>;
export type ContentSection = z.infer<typeof contentSectionSchema>;
export type VersionContent = z.infer<typeof versionContentSchema>;
export type VersionView = z.infer<typeof versionViewSchema>;
export type LineRole = z.infer<typeof lineRoleSchema>;
export type ParagraphChange = z.infer<typeof paragraphChangeSchema>;
export type PartDiff = z.infer<typeof partDiffSchema>;
export type SectionDiff = z.infer<typeof sectionDiffSchema>;
export type FrameChange = z.infer<typeof frameChangeSchema>;
export type ContentDiff = z.infer<typeof contentDiffSchema>;
export type VersionDiff = z.infer<typeof versionDiffSchema>;
export type RestoredReport = z.infer<typeof restoredReportSchema>;
