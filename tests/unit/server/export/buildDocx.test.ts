import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AwardCatalogue } from '../../../../common/awards.js';
import { buildDocx, DRAFT_MARK } from '../../../../server/export/buildDocx.js';
import type { ExportInput } from '../../../../server/export/exportModel.js';
import { loadAwardCatalogue } from '../../../../server/templates/loadAwardCatalogue.js';
import { sampleInput } from '../../../fixtures/export/sampleInput.js';
import { docxParts, malformedParts, part, readParagraphs, xmlProblem } from '../../../integration/export/support/docxFile.js';

let catalogue: AwardCatalogue;
beforeAll(async () => {
  catalogue = (await loadAwardCatalogue(resolve(import.meta.dirname, '../../../../templates'))).catalogue;
});

/** The header parts of a file, by their type in the section properties. */
function headerPart(parts: Map<string, string>, type: 'first' | 'default'): string {
  const document = part(parts, 'word/document.xml');
  const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"/>`).exec(document)?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(part(parts, 'word/_rels/document.xml.rels'))?.[1];
  return part(parts, join('word', target ?? 'missing'));
}

const HOSTILE = 'a<w:p>b]]>c&amp;d<script>alert(1)</script>\u0000\u0001\u0008\u000b\u001f\uFFFE\uD800x🎉 Tie\u0302\u0301ng' + 'x'.repeat(10_000);

function hostileInput(): ExportInput {
  const frame = Object.fromEntries(
    ['parentAgency', 'agency', 'number', 'symbol', 'place', 'date', 'docType', 'subject', 'signAuthority', 'signTitle', 'signerName'].map((key) => [key, HOSTILE]),
  ) as unknown as ExportInput['frame'];
  return {
    status: 'review',
    year: 2024,
    preamble: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: HOSTILE }] }] },
    // The subject's 255th character is an emoji: the file's title property must not cut it in half.
    frame: { ...frame, subject: `${'s'.repeat(254)}🎉${HOSTILE}`, recipients: [HOSTILE, '', '\u0000'] },
    sections: [
      {
        number: 'I',
        title: HOSTILE,
        body: {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: HOSTILE, marks: [{ type: 'link', attrs: { href: 'https://x.vn/?a=1&b="<2>"' } }] }] },
            { type: 'awardTally', content: [{ type: 'awardRow', attrs: { award: HOSTILE, collectives: 1e300, individuals: 'x' } }] },
          ],
        },
      },
      { number: 'II', title: '', body: { type: 'doc' } },
    ],
  };
}

describe('the Word file of a report, built from its input', () => {
  it('marks a draft "DỰ THẢO" at the top of page 1, in the first-page header, without a page number', async () => {
    const parts = await docxParts(await buildDocx(sampleInput('draft'), catalogue));
    const first = headerPart(parts, 'first');
    expect(first).toContain(DRAFT_MARK);
    expect(first).not.toMatch(/PAGE/);
    expect(headerPart(parts, 'default')).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
  });

  it('prints the opening paragraphs between the subject line and section I', async () => {
    const paragraphs = await readParagraphs(await buildDocx(sampleInput('draft'), catalogue));
    const opening = paragraphs.findIndex((text) => text.startsWith('Thực hiện Kế hoạch số 288/KH-UBND'));
    const subject = paragraphs.findIndex((text) => text.includes('giai đoạn 2022 - 2025') && !text.startsWith('Thực hiện'));
    const sectionOne = paragraphs.findIndex((text) => text.startsWith('I. CÔNG TÁC THAM MƯU'));
    expect(opening).toBeGreaterThan(subject);
    expect(sectionOne).toBeGreaterThan(opening);
  });

  it('does not mark an issued report', async () => {
    const bytes = await buildDocx(sampleInput('issued'), catalogue);
    const parts = await docxParts(bytes);
    for (const [name, xml] of parts) expect(xml, name).not.toContain(DRAFT_MARK);
    expect(headerPart(parts, 'default')).toMatch(/PAGE/);
  });

  it('gives a well-formed file for hostile content, with the text as text', async () => {
    const bytes = await buildDocx(hostileInput(), catalogue);
    const parts = await docxParts(bytes);
    expect(malformedParts(parts)).toEqual([]);
    expect(part(parts, 'docProps/core.xml')).toContain(`>${'s'.repeat(254)}🎉</dc:title>`);
    const paragraphs = await readParagraphs(bytes);
    expect(paragraphs).toContain(`a<w:p>b]]>c&amp;d<script>alert(1)</script>x🎉 Tiếng${'x'.repeat(10_000)}`);
    // The body ends with an empty section: the closing mark stands on its own, before the footer.
    expect(paragraphs[paragraphs.indexOf('Nơi nhận:') - 1]).toBe('./.');
  });
});

describe('the well-formedness check used on exported files', () => {
  it('accepts well-formed XML and names what is wrong with the rest', () => {
    expect(xmlProblem('<?xml version="1.0"?><a x="1"><b/>t &amp; &#233;<!-- c --></a>')).toBeNull();
    expect(xmlProblem('<a><b></a></b>')).toMatch(/closes nothing/);
    expect(xmlProblem('<a>x & y</a>')).toMatch(/bad reference/);
    expect(xmlProblem('<a>x ]]> y</a>')).toMatch(/]]>/);
    expect(xmlProblem('<a>\u0001</a>')).toMatch(/character/);
    expect(xmlProblem('<a x="1" x="2"/>')).toMatch(/duplicate/);
    expect(xmlProblem('<a/><b/>')).toMatch(/2 root/);
    expect(xmlProblem('<a><b>')).toMatch(/never closed/);
    expect(xmlProblem('<a x=1/>')).toMatch(/malformed/);
  });
});
