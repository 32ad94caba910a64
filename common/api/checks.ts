/**
 * `GET /api/reports/:id/checks` (CONTRACT.md): the form checker's findings about a report as its rooms are
 * stored (common/checks). The shape is common/checks/finding.ts's, validated here.
 */
import { z } from 'zod';
import { FRAME_TEXT_KEYS } from '../frame.js';
import { RULES } from '../checks/finding.js';
import { CLAUSES } from '../checks/clauses.js';
import { defineRoute } from './route.js';

const fragment = z.enum(['preamble', 'body']).describe('`preamble`: the frame room’s opening paragraphs; `body`: a section’s');
const field = z.enum(FRAME_TEXT_KEYS);
const part = z.string().describe('the room part: `frame`, or `section/<sectionId>`');
const block = z.number().int().nonnegative().describe('the block’s index: paragraphs, headings and award tallies of the fragment, in document order, wherever they sit');

export const findingTargetSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('field'), field }),
    z.object({ kind: z.literal('recipient'), index: z.number().int().nonnegative() }),
    z.object({ kind: z.literal('recipients') }),
    z.object({ kind: z.literal('block'), fragment, block }),
    z.object({ kind: z.literal('part'), fragment }),
  ])
  .describe('Where in its part: a frame field, a recipient line, the recipients, a block, or the whole fragment');

export const findingFixSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('setField'), part: z.literal('frame'), field, from: z.string(), to: z.string() }),
    z.object({ kind: z.literal('setRecipient'), part: z.literal('frame'), index: z.number().int().nonnegative(), from: z.string(), to: z.string() }),
    z.object({ kind: z.literal('addRecipient'), part: z.literal('frame'), value: z.string() }),
    z.object({
      kind: z.literal('replace'),
      part,
      fragment,
      block,
      offset: z.number().int().nonnegative().describe('where `find` starts in the block’s text (NFC characters)'),
      find: z.string(),
      replace: z.string(),
    }),
    z.object({ kind: z.literal('removeTallyRow'), part, block, row: z.number().int().nonnegative() }),
    z.object({ kind: z.literal('removeBlock'), part, fragment, block, text: z.string().describe('what the block reads; "" for a tally') }),
  ])
  .describe('A one-click fix, as data: applied as a Yjs edit only while its place still reads `from`, `find` or `text`');

const EXAMPLE = {
  id: 'authority-form:frame:signTitle',
  rule: 'authority-form',
  severity: 'error',
  clause: CLAUSES.authority,
  clauseKey: 'authority',
  message: 'Quyền hạn ký viết “Q.” rồi một dấu cách: “Q.CHỦ TỊCH” → “Q. CHỦ TỊCH”.',
  part: 'frame',
  target: { kind: 'field', field: 'signTitle' },
  params: { abbreviation: 'Q.', found: 'Q.CHỦ TỊCH', expected: 'Q. CHỦ TỊCH' },
  fix: { kind: 'setField', part: 'frame', field: 'signTitle', from: 'Q.CHỦ TỊCH', to: 'Q. CHỦ TỊCH' },
};

export const findingSchema = z
  .object({
    id: z.string().describe('unique in the answer, stable while the text it is about stays'),
    rule: z.enum(RULES).describe('the rule’s stable id, which the client words in its language'),
    severity: z.enum(['error', 'warning']).describe('an error stops the report from being issued'),
    clause: z.string().describe('the clause of Nghị định 30/2020/NĐ-CP it rests on'),
    clauseKey: z.enum(Object.keys(CLAUSES) as [keyof typeof CLAUSES, ...Array<keyof typeof CLAUSES>]),
    message: z.string().describe('in Vietnamese'),
    part,
    target: findingTargetSchema,
    params: z.record(z.string(), z.union([z.string(), z.number()])).describe('what the message is made of, to word it in another language'),
    excerpt: z.string().optional().describe('the words around what was found in a text: “…Ủy ban nhân dân Huyện báo cáo…”'),
    fix: findingFixSchema.optional(),
  })
  .describe('A finding of the form checker (thể thức)')
  .meta({ examples: [EXAMPLE] });

export type FindingAnswer = z.infer<typeof findingSchema>;

export const checksQuery = z.object({
  for: z
    .enum(['issue'])
    .optional()
    .describe('`issue`: also what must hold when the report is issued (a number and a date); left out: what can be said of a draft'),
});

export const checkRoutes = {
  reportChecks: defineRoute({
    method: 'GET',
    path: '/api/reports/:id/checks',
    summary:
      'The form checker (thể thức, Nghị định 30/2020/NĐ-CP): the findings about the report as its rooms are stored, in reading order, each with its part, clause, message and, where one exists, a one-click fix. Issuing is refused (409 `checks_failed`) while an error remains',
    roles: 'signed-in',
    rolesNote: 'anyone who may read the report: the office, the admin, the chairperson, and the departments that own one of its sections',
    params: z.object({ id: z.string() }),
    query: checksQuery,
    success: { status: 200, description: 'the findings; [] when there is nothing to say', schema: z.array(findingSchema) },
    errors: { 400: 'a `for` other than `issue` (`invalid_input`)', 403: 'not shared with the caller', 404: 'no such report' },
  }),
};

export const checkSchemas = { Finding: findingSchema };
