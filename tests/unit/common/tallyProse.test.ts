import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { acceptsRecipient, awardCatalogueSchema } from '../../../common/awards.js';
import { cleanCount, countPhrase, tallyProse, tallyTotals } from '../../../common/tallyProse.js';

const catalogue = awardCatalogueSchema.parse(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../templates/award-forms.json'), 'utf8')),
);

describe('the award catalogue', () => {
  it('loads, with each form’s level and recipients', () => {
    const byId = new Map(catalogue.forms.map((form) => [form.id, form]));
    expect(byId.get('bang-khen-thu-tuong')).toMatchObject({ level: 'government', recipients: 'both' });
    expect(byId.get('co-thi-dua-chinh-phu')).toMatchObject({ recipients: 'collective' });
    expect(byId.get('chien-si-thi-dua-co-so')).toMatchObject({ recipients: 'individual' });
    expect(acceptsRecipient(byId.get('co-thi-dua-tinh')!, 'individual')).toBe(false);
    expect(acceptsRecipient(byId.get('bang-khen-chu-tich-ubnd-tinh')!, 'individual')).toBe(true);
  });

  it('refuses duplicate ids and unknown levels, naming the field', () => {
    const broken = { levels: {}, forms: [catalogue.forms[0], catalogue.forms[0]] };
    expect(awardCatalogueSchema.safeParse(broken).error?.issues[0]?.path).toEqual(['forms', 1, 'id']);
    const badLevel = { levels: {}, forms: [{ ...catalogue.forms[0], level: 'huyen' }] };
    expect(awardCatalogueSchema.safeParse(badLevel).error?.issues[0]?.path).toEqual(['forms', 0, 'level']);
  });
});

describe('tally prose', () => {
  it('says the sample report’s sentence (with PL II’s lower-case "tỉnh")', () => {
    const rows = [
      { award: 'bang-khen-thu-tuong', collectives: 0, individuals: 2 },
      { award: 'co-thi-dua-tinh', collectives: 3, individuals: 0 },
      { award: 'tap-the-lao-dong-xuat-sac', collectives: 4, individuals: 0 },
      { award: 'bang-khen-chu-tich-ubnd-tinh', collectives: 19, individuals: 47 },
    ];
    const sample =
      'Bằng khen của Thủ tướng Chính phủ (02 cá nhân); Ủy ban nhân dân Tỉnh đã tặng thưởng: Cờ thi đua Tỉnh (03 tập thể); ' +
      'Tập thể lao động xuất sắc (04 tập thể); Bằng khen của Chủ tịch Ủy ban nhân dân Tỉnh (19 tập thể và 47 cá nhân).';
    expect(tallyProse(rows, catalogue)).toBe(sample.replaceAll('Tỉnh', 'tỉnh'));
    expect(tallyTotals(rows)).toEqual({ collectives: 26, individuals: 49 });
  });

  it('zero-pads counts under 10 and joins both kinds with "và"', () => {
    expect(countPhrase(1, 0)).toBe('(01 tập thể)');
    expect(countPhrase(0, 9)).toBe('(09 cá nhân)');
    expect(countPhrase(10, 5)).toBe('(10 tập thể và 05 cá nhân)');
  });

  it('is empty for an empty tally or one whose rows count nothing', () => {
    expect(tallyProse([], catalogue)).toBe('');
    expect(tallyProse([{ award: 'bang-khen-thu-tuong', collectives: 0, individuals: 0 }], catalogue)).toBe('');
  });

  it('adds up rows of the same award and leaves out unknown awards', () => {
    const rows = [
      { award: 'giay-khen-thu-truong', collectives: 2, individuals: 0 },
      { award: 'khong-co', collectives: 5, individuals: 5 },
      { award: 'giay-khen-thu-truong', collectives: 0, individuals: 12 },
    ];
    expect(tallyProse(rows, catalogue)).toBe('Giấy khen của thủ trưởng cơ quan, đơn vị (02 tập thể và 12 cá nhân).');
  });

  it('counts only whole numbers ≥ 0', () => {
    expect([3, '4', -2, 1.5, 'x', null, undefined].map(cleanCount)).toEqual([3, 4, 0, 0, 0, 0, 0]);
  });
});
