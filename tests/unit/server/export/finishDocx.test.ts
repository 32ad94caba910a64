import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AwardCatalogue } from '../../../../common/awards.js';
import { buildDocx } from '../../../../server/export/buildDocx.js';
import { defaultWidowControl, noBreakHyphenElements } from '../../../../server/export/finishDocx.js';
import { FONT_TABLE_PATH } from '../../../../server/export/fontTable.js';
import { NO_BREAK_HYPHEN, NO_BREAK_SPACE } from '../../../../server/export/nonBreaking.js';
import { loadAwardCatalogue } from '../../../../server/templates/loadAwardCatalogue.js';
import { sampleInput } from '../../../fixtures/export/sampleInput.js';
import { docxParts, malformedParts, part, readParagraphs } from '../../../integration/export/support/docxFile.js';

let catalogue: AwardCatalogue;
let parts: Map<string, string>;
let bytes: Uint8Array;
beforeAll(async () => {
  catalogue = (await loadAwardCatalogue(resolve(import.meta.dirname, '../../../../templates'))).catalogue;
  bytes = await buildDocx(sampleInput('draft'), catalogue);
  parts = await docxParts(bytes);
});

describe('no-break hyphens written as Word writes them', () => {
  it('splits the text around each one, inside the same run', () => {
    const xml = `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">số 15/KH${NO_BREAK_HYPHEN}UBND và 47${NO_BREAK_HYPHEN}KH/HU</w:t></w:r>`;
    expect(noBreakHyphenElements(xml)).toBe(
      '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">số 15/KH</w:t><w:noBreakHyphen/><w:t xml:space="preserve">UBND và 47</w:t>' +
        '<w:noBreakHyphen/><w:t xml:space="preserve">KH/HU</w:t></w:r>',
    );
  });

  it('writes no empty text at a run’s ends, and leaves text without one as it is', () => {
    expect(noBreakHyphenElements(`<w:t xml:space="preserve">${NO_BREAK_HYPHEN}a${NO_BREAK_HYPHEN}</w:t>`)).toBe(
      '<w:noBreakHyphen/><w:t xml:space="preserve">a</w:t><w:noBreakHyphen/>',
    );
    const plain = '<w:t xml:space="preserve">15/KH-UBND</w:t>';
    expect(noBreakHyphenElements(plain)).toBe(plain);
  });

  it('leaves none of the character in the exported file, which reads back with its hyphens', async () => {
    const document = part(parts, 'word/document.xml');
    expect(document).not.toContain(NO_BREAK_HYPHEN);
    expect(document).toContain('>Thực hiện Kế hoạch số 288/KH</w:t><w:noBreakHyphen/><w:t xml:space="preserve">UBND ngày 23/8/2023');
    expect(malformedParts(parts)).toEqual([]);
    expect((await readParagraphs(bytes)).some((text) => text.startsWith('Thực hiện Kế hoạch số 288/KH-UBND'))).toBe(true);
  });

  it('holds "47 %" and "0,38 %" with no-break spaces in the body', () => {
    const document = part(parts, 'word/document.xml');
    expect(document).toContain(`0,38${NO_BREAK_SPACE}%.`);
    expect(document).not.toMatch(/\d %/);
  });
});

describe('widow control', () => {
  it('is first in the document’s default paragraph properties, once', () => {
    const styles = part(parts, 'word/styles.xml');
    expect(styles).toContain('<w:pPrDefault><w:pPr><w:widowControl/><w:spacing ');
    expect(styles.match(/<w:widowControl\/>/g)).toHaveLength(1);
  });

  it('is added once, and not to defaults docx did not write', () => {
    const once = defaultWidowControl('<w:docDefaults><w:pPrDefault><w:pPr><w:spacing/></w:pPr></w:pPrDefault></w:docDefaults>');
    expect(defaultWidowControl(once)).toBe(once);
    expect(defaultWidowControl('<w:styles/>')).toBe('<w:styles/>');
  });
});

describe('the font table', () => {
  it('names Times New Roman with its PANOSE number, family and pitch, and embeds nothing', () => {
    const table = part(parts, FONT_TABLE_PATH);
    expect(table).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?><w:fonts /);
    expect(table).toContain('<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/>');
    expect(table).toContain('<w:family w:val="roman"/><w:pitch w:val="variable"/>');
    expect(table).not.toMatch(/embed/i);
    expect([...parts.keys()].filter((name) => name.startsWith('word/fonts/'))).toEqual([]);
  });

  it('is the part the document’s relationships and content types point to', () => {
    expect(part(parts, 'word/_rels/document.xml.rels')).toMatch(/Type="[^"]*\/fontTable" Target="fontTable.xml"|Target="fontTable.xml"[^>]*\/fontTable"/);
    expect(part(parts, '[Content_Types].xml')).toContain('PartName="/word/fontTable.xml"');
  });
});
