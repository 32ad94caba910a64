/**
 * The catalogue of award forms (Luật Thi đua, khen thưởng 2022): its type and validator together. The data
 * is `templates/award-forms.json`; `GET /api/award-forms` serves its forms (CONTRACT.md).
 */
import { z } from 'zod';
import { isValidId } from './rooms.js';

export type AwardRecipients = 'collective' | 'individual' | 'both';

export const AWARD_LEVELS = ['state', 'government', 'ministry', 'province', 'commune', 'unit'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];

const text = z.string().trim().min(1, { message: 'must not be empty' });

export const awardFormSchema = z.strictObject({
  id: z.string().refine(isValidId, { message: 'must be 1–64 letters, digits, "-" or "_"' }),
  /** The official name, as the catalogue and the tally's table show it. */
  name: text,
  /** How reports name it in running text, when shorter ("Cờ thi đua tỉnh"). */
  proseName: text.optional(),
  level: z.enum(AWARD_LEVELS),
  recipients: z.enum(['collective', 'individual', 'both']),
});

export const awardLevelSchema = z.strictObject({
  label: text,
  /** Said once before this level's awards in the prose: "Ủy ban nhân dân tỉnh đã tặng thưởng". */
  proseLead: text.optional(),
});

export const awardCatalogueSchema = z
  .object({
    levels: z.partialRecord(z.enum(AWARD_LEVELS), awardLevelSchema),
    forms: z.array(awardFormSchema).min(1),
  })
  .superRefine((catalogue, ctx) => {
    const seen = new Set<string>();
    catalogue.forms.forEach((form, index) => {
      if (seen.has(form.id)) ctx.addIssue({ code: 'custom', path: ['forms', index, 'id'], message: `duplicate id "${form.id}"` });
      seen.add(form.id);
    });
  });

export type AwardForm = z.infer<typeof awardFormSchema>;
export type AwardCatalogue = z.infer<typeof awardCatalogueSchema>;

/** Whether a form may be given to collectives (`collective`) or to individuals (`individual`). */
export function acceptsRecipient(form: Pick<AwardForm, 'recipients'>, kind: 'collective' | 'individual'): boolean {
  return form.recipients === 'both' || form.recipients === kind;
}
