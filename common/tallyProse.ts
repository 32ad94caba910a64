/**
 * The award tally in words, as reports write it (DESIGN.md): "Bằng khen của Thủ tướng Chính phủ
 * (02 cá nhân); Ủy ban nhân dân tỉnh đã tặng thưởng: Cờ thi đua tỉnh (03 tập thể); …". Counts under 10 are
 * zero-padded; "19 tập thể và 47 cá nhân" when both; a level's lead-in is said once before its first award.
 */
import type { AwardCatalogue } from './awards.js';
import { padCount } from './nd30Format.js';

/** One row of a tally: an award form and how many collectives and individuals received it. */
export interface TallyRow {
  award: string;
  collectives: number;
  individuals: number;
}

/** A count as stored: a whole number ≥ 0; anything else counts as 0. */
export function cleanCount(value: unknown): number {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : 0;
}

/** The tally's total row. */
export function tallyTotals(rows: readonly TallyRow[]): { collectives: number; individuals: number } {
  return rows.reduce(
    (total, row) => ({
      collectives: total.collectives + cleanCount(row.collectives),
      individuals: total.individuals + cleanCount(row.individuals),
    }),
    { collectives: 0, individuals: 0 },
  );
}

/** "(03 tập thể)", "(02 cá nhân)", "(19 tập thể và 47 cá nhân)". */
export function countPhrase(collectives: number, individuals: number): string {
  const parts: string[] = [];
  if (collectives > 0) parts.push(`${padCount(collectives)} tập thể`);
  if (individuals > 0) parts.push(`${padCount(individuals)} cá nhân`);
  return `(${parts.join(' và ')})`;
}

/**
 * The sentence for a tally's rows, ending with "."; empty when no row counts anything. Rows of the same
 * award are added together; rows of unknown awards are left out. Order is the rows' order.
 */
export function tallyProse(rows: readonly TallyRow[], catalogue: AwardCatalogue): string {
  const totals = new Map<string, { collectives: number; individuals: number }>();
  for (const row of rows) {
    if (!catalogue.forms.some((form) => form.id === row.award)) continue;
    const total = totals.get(row.award) ?? { collectives: 0, individuals: 0 };
    total.collectives += cleanCount(row.collectives);
    total.individuals += cleanCount(row.individuals);
    totals.set(row.award, total);
  }
  const items: string[] = [];
  const ledLevels = new Set<string>();
  for (const [award, { collectives, individuals }] of totals) {
    if (collectives === 0 && individuals === 0) continue;
    const form = catalogue.forms.find((candidate) => candidate.id === award)!;
    const lead = catalogue.levels[form.level]?.proseLead;
    const prefix = lead && !ledLevels.has(form.level) ? `${lead}: ` : '';
    ledLevels.add(form.level);
    items.push(`${prefix}${form.proseName ?? form.name} ${countPhrase(collectives, individuals)}`);
  }
  return items.length === 0 ? '' : `${items.join('; ')}.`;
}
