import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AwardCatalogue } from '../../../../common/awards.js';
import { buildDocx } from '../../../../server/export/buildDocx.js';
import { SIZE } from '../../../../server/export/layout.js';
import { CACHED_PAGE_NUMBER, DRAFT_MARK } from '../../../../server/export/pageHeaders.js';
import { loadAwardCatalogue } from '../../../../server/templates/loadAwardCatalogue.js';
import { sampleInput } from '../../../fixtures/export/sampleInput.js';
import { docxParts, part } from '../../../integration/export/support/docxFile.js';

let catalogue: AwardCatalogue;
beforeAll(async () => {
  catalogue = (await loadAwardCatalogue(resolve(import.meta.dirname, '../../../../templates'))).catalogue;
});

/** The header part the section's `type` reference points to. */
async function header(type: 'first' | 'default', status: 'draft' | 'issued' = 'draft'): Promise<string> {
  const parts = await docxParts(await buildDocx(sampleInput(status), catalogue));
  const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"/>`).exec(part(parts, 'word/document.xml'))?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(part(parts, 'word/_rels/document.xml.rels'))?.[1];
  return part(parts, `word/${target}`);
}

/** The runs of a part, each as what it holds: a field character, a field code, or text. */
function runs(xml: string): string[] {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, run]) => {
    const fieldChar = /<w:fldChar w:fldCharType="(\w+)"\/>/.exec(run!)?.[1];
    if (fieldChar) return `fldChar:${fieldChar}`;
    const code = /<w:instrText[^>]*>([^<]*)<\/w:instrText>/.exec(run!)?.[1];
    if (code !== undefined) return `code:${code}`;
    return `text:${/<w:t[^>]*>([^<]*)<\/w:t>/.exec(run!)?.[1] ?? ''}`;
  });
}

describe('the page headers', () => {
  it('number pages 2 and after with a PAGE field that carries a result, for viewers that do not update fields', async () => {
    const xml = await header('default');
    expect(runs(xml)).toEqual(['fldChar:begin', 'code:PAGE', 'fldChar:separate', `text:${CACHED_PAGE_NUMBER}`, 'fldChar:end']);
    expect(CACHED_PAGE_NUMBER).toBe('2');
    // Every run of the field in the size of page numbers (PL I: 13–14), the result too.
    expect(xml.match(new RegExp(`<w:sz w:val="${SIZE.pageNumber}"/>`, 'g'))).toHaveLength(5);
    expect(xml).toContain('<w:jc w:val="center"/>');
  });

  it('box "DỰ THẢO" with a paragraph border on four sides, its line the frame’s exact height, at the right of the column', async () => {
    const xml = await header('first');
    expect(xml).toContain(`>${DRAFT_MARK}</w:t>`);
    const borders = /<w:pBdr>([\s\S]*?)<\/w:pBdr>/.exec(xml)?.[1] ?? '';
    for (const side of ['top', 'left', 'bottom', 'right']) expect(borders, side).toMatch(new RegExp(`<w:${side} w:val="single"[^>]*w:space="3"`));
    // No border on the run: Word and LibreOffice draw that at the font's ascent, through the marks.
    expect(xml).not.toContain('<w:bdr ');
    expect(xml).toMatch(/<w:spacing [^>]*w:lineRule="exact"/);
    expect(Number(/<w:ind w:left="(\d+)"/.exec(xml)?.[1])).toBeGreaterThan(6000);
  });

  it('leave an issued report’s first page without the mark and without a number', async () => {
    const xml = await header('first', 'issued');
    expect(xml).not.toContain(DRAFT_MARK);
    expect(xml).not.toMatch(/PAGE|fldChar|<w:pBdr>/);
  });
});
