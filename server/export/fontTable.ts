/**
 * `word/fontTable.xml` naming Times New Roman (issue 12). docx writes the part empty unless fonts are
 * embedded, and a word processor without Times New Roman then has nothing but the name to choose a
 * substitute by; with the font's PANOSE number, family and pitch it picks a metric-compatible serif
 * (LibreOffice: Liberation Serif) rather than its default face. The font is not embedded: it is Microsoft's
 * to license, and every office machine in Vietnam has it.
 */
import { FONT } from './layout.js';

/** Where the part lives in the package. */
export const FONT_TABLE_PATH = 'word/fontTable.xml';

/**
 * Times New Roman as Word itself describes it in the font tables it writes: PANOSE 2 2 6 3 5 4 5 2 3 4
 * (serif, roman), variable pitch, and the Unicode and code-page ranges it covers (`w:sig`, from the font's
 * OS/2 table: Latin, Latin Extended Additional — the precomposed Vietnamese letters — Greek, Cyrillic, …).
 */
export const FONT_TABLE_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  `<w:font w:name="${FONT}">` +
  '<w:panose1 w:val="02020603050405020304"/>' +
  '<w:charset w:val="00"/>' +
  '<w:family w:val="roman"/>' +
  '<w:pitch w:val="variable"/>' +
  '<w:sig w:usb0="E0002EFF" w:usb1="C000785B" w:usb2="00000009" w:usb3="00000000" w:csb0="000001FF" w:csb1="00000000"/>' +
  '</w:font>' +
  '</w:fonts>';

/** The part as docx's Packer takes a replacement for one it writes. */
export function fontTableOverride(): { path: string; data: string } {
  return { path: FONT_TABLE_PATH, data: FONT_TABLE_XML };
}
