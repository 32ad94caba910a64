/** Loads `templates/award-forms.json`, validated; a broken file is reported with its field at fault. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { awardCatalogueSchema, type AwardCatalogue } from '../../common/awards.js';
import type { TemplateProblem } from './loadTemplates.js';

export const AWARD_CATALOGUE_FILE = 'award-forms.json';

/** The catalogue, or an empty one and the problem that stopped it from loading. */
export async function loadAwardCatalogue(dir: string): Promise<{ catalogue: AwardCatalogue; problem: TemplateProblem | null }> {
  const empty: AwardCatalogue = { levels: {}, forms: [] };
  let data: unknown;
  try {
    data = JSON.parse((await readFile(join(dir, AWARD_CATALOGUE_FILE), 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { catalogue: empty, problem: { file: AWARD_CATALOGUE_FILE, field: '(file)', message } };
  }
  const parsed = awardCatalogueSchema.safeParse(data);
  if (parsed.success) return { catalogue: parsed.data, problem: null };
  const issue = parsed.error.issues[0]!;
  return { catalogue: empty, problem: { file: AWARD_CATALOGUE_FILE, field: issue.path.join('.') || '(root)', message: issue.message } };
}
