/**
 * What docx (9.x) cannot write, written into the package it made (issue 12), in one pass over the zip:
 *
 * - No-break hyphens as Word's own `w:noBreakHyphen`. The text carries U+2011 where a hyphen must not end a
 *   line (nonBreaking.ts); LibreOffice takes the character as its no-break hyphen, but Times New Roman may
 *   not draw U+2011 in Word, which would borrow the glyph from another font. The element prints the font's
 *   "-" and never breaks after it, and both read it back as U+2011. The character only ever reaches a file
 *   in text (`w:t`), where it is replaced.
 * - Widow control in the document's default paragraph properties (docx takes `widowControl` on a paragraph
 *   but not on the defaults), so that every paragraph — the body's too — keeps two lines together at a
 *   page's foot and head.
 */
import JSZip from 'jszip';
import { NO_BREAK_HYPHEN } from './nonBreaking.js';

/** The parts whose text may hold a no-break hyphen: the body and the page headers and footers. */
const TEXT_PARTS = /^word\/(document|header\d+|footer\d+)\.xml$/;
const STYLES_PART = 'word/styles.xml';

const TEXT_RUN = /<w:t xml:space="preserve">([^<]*)<\/w:t>/g;

/** `xml` with each U+2011 inside `w:t` made a `w:noBreakHyphen` between two pieces of the same run. */
export function noBreakHyphenElements(xml: string): string {
  if (!xml.includes(NO_BREAK_HYPHEN)) return xml;
  return xml.replace(TEXT_RUN, (whole, text: string) =>
    text.includes(NO_BREAK_HYPHEN)
      ? text
          .split(NO_BREAK_HYPHEN)
          .map((piece) => (piece === '' ? '' : `<w:t xml:space="preserve">${piece}</w:t>`))
          .join('<w:noBreakHyphen/>')
      : whole,
  );
}

const DEFAULT_PARAGRAPH = '<w:pPrDefault><w:pPr>';

/**
 * `styles` with `w:widowControl` first in the default paragraph properties (CT_PPrBase puts it before the
 * spacing docx writes there). Unchanged if it is already there or the defaults are not as docx writes them.
 */
export function defaultWidowControl(styles: string): string {
  const at = styles.indexOf(DEFAULT_PARAGRAPH);
  if (at < 0 || styles.startsWith('<w:widowControl', at + DEFAULT_PARAGRAPH.length)) return styles;
  const end = at + DEFAULT_PARAGRAPH.length;
  return `${styles.slice(0, end)}<w:widowControl/>${styles.slice(end)}`;
}

function rewrite(name: string, xml: string): string {
  if (name === STYLES_PART) return defaultWidowControl(xml);
  return TEXT_PARTS.test(name) ? noBreakHyphenElements(xml) : xml;
}

/** The .docx `bytes` as docx's Packer made them, finished. */
export async function finishDocx(bytes: Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir || (name !== STYLES_PART && !TEXT_PARTS.test(name))) continue;
    const xml = await file.async('string');
    const rewritten = rewrite(name, xml);
    if (rewritten !== xml) zip.file(name, rewritten);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
