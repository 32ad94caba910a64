import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AwardCatalogue } from '../../../../common/awards.js';
import { sectionBlocks } from '../../../../server/export/bodyBlocks.js';
import { inlineText, type Block, type ExportSection, type TableCellBlock } from '../../../../server/export/exportModel.js';
import { tallyCells } from '../../../../server/export/tallyBlocks.js';
import { loadAwardCatalogue } from '../../../../server/templates/loadAwardCatalogue.js';

const root = resolve(import.meta.dirname, '../../../..');
const fixtureDir = join(root, 'tests/fixtures/export/body');

interface Fixture {
  description: string;
  section: ExportSection;
  expected: string[];
}

const fixtures = readdirSync(fixtureDir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name, ...(JSON.parse(readFileSync(join(fixtureDir, name), 'utf8')) as Fixture) }));

/** A block in one line: its role, its depth when stepped in, its text. */
function describeBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `${block.role}${block.depth > 0 ? `@${block.depth}` : ''}: ${inlineText(block.inlines)}`;
    case 'tally':
      return `tally: ${tallyCells(block).map((row) => row.join(' | ')).join(' / ')}`;
    case 'rule':
      return 'rule';
    case 'table':
      return `table${block.depth > 0 ? `@${block.depth}` : ''} ${block.columns}: ${block.rows.map((row) => row.map(describeCell).join(' | ')).join(' / ')}`;
  }
}

/** A table cell in a line: "*" for a header, its spans when merged, its blocks (a paragraph's text alone). */
function describeCell(cell: TableCellBlock): string {
  const spans = cell.colspan > 1 || cell.rowspan > 1 ? `(${cell.colspan}x${cell.rowspan}) ` : '';
  const blocks = cell.blocks.map((block) => (block.kind === 'paragraph' && block.role === 'body' ? inlineText(block.inlines) : describeBlock(block)));
  return `${cell.header ? '*' : ''}${spans}${blocks.join(' + ')}`;
}

let catalogue: AwardCatalogue;
beforeAll(async () => {
  catalogue = (await loadAwardCatalogue(join(root, 'templates'))).catalogue;
});

describe('a section body as export blocks', () => {
  for (const fixture of fixtures) {
    it(`${fixture.description} (${fixture.name})`, () => {
      expect(sectionBlocks(fixture.section, catalogue).map(describeBlock)).toEqual(fixture.expected);
    });
  }

  it('keeps bold, italic, underline and strike marks and links to web addresses, but not script links', () => {
    const [, paragraph] = sectionBlocks(
      {
        number: 'I',
        title: 'Thử',
        body: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'đậm', marks: [{ type: 'bold' }] },
                { type: 'text', text: 'nghiêng gạch', marks: [{ type: 'italic' }, { type: 'underline' }] },
                { type: 'text', text: 'xóa', marks: [{ type: 'strike' }] },
                { type: 'text', text: 'web', marks: [{ type: 'link', attrs: { href: 'https://dongthap.gov.vn/a b' } }] },
                { type: 'text', text: 'mã', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
              ],
            },
          ],
        },
      },
      catalogue,
    );
    expect(paragraph).toMatchObject({
      kind: 'paragraph',
      inlines: [
        { text: 'đậm', bold: true, italic: false, underline: false, strike: false, href: null },
        { text: 'nghiêng gạch', bold: false, italic: true, underline: true },
        { text: 'xóa', strike: true },
        { text: 'web', href: 'https://dongthap.gov.vn/a%20b' },
        { text: 'mã', href: null },
      ],
    });
  });

  it('turns line feeds inside text into line breaks', () => {
    const [, paragraph] = sectionBlocks(
      { number: 'I', title: 'Thử', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'một\r\nhai' }] }] } },
      catalogue,
    );
    expect(paragraph).toMatchObject({ inlines: [{ kind: 'text', text: 'một' }, { kind: 'break' }, { kind: 'text', text: 'hai' }] });
  });

  it('prints only the heading of a section whose body is missing or not a document', () => {
    for (const body of [undefined, null, 'chữ', { type: 'doc' }, { type: 'doc', content: 'x' }]) {
      const section = { number: 'IV', title: 'Kiến nghị, đề xuất', body } as unknown as ExportSection;
      expect(sectionBlocks(section, catalogue).map(describeBlock)).toEqual(['sectionHeading: IV. KIẾN NGHỊ, ĐỀ XUẤT']);
    }
  });

  it('restarts the numbering of items and points in every section', () => {
    const body = { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Mục' }] }] };
    const first = sectionBlocks({ number: 'I', title: 'A', body }, catalogue);
    const second = sectionBlocks({ number: 'II', title: 'B', body }, catalogue);
    expect(describeBlock(first[1]!)).toBe('item: 1. Mục');
    expect(describeBlock(second[1]!)).toBe('item: 1. Mục');
  });
});
