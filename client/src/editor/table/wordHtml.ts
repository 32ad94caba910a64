/**
 * HTML from Word's clipboard, tidied before the editor's schema reads it (issue 12, item 2: a table pasted
 * from Word keeps its rows and cells). The schema already reads `<table>`, `<tr>`, `<td>`/`<th>` and
 * `<h1>`…`<h6>`; what Word adds around them would otherwise come through:
 *
 * - `<o:p>&nbsp;</o:p>`, Word's marker of a paragraph's end, would leave a non-breaking space in every
 *   empty paragraph and cell;
 * - the zero-height row Word appends to a table whose columns do not line up (inside
 *   `<![if !supportMisalignedColumns]>`, which a browser reads as a comment but whose row it keeps) would
 *   become an empty row;
 * - each cell's width (`width=301`, in pixels) is kept as the editor's column width (`colwidth`), which the
 *   export prints in proportion.
 *
 * HTML that is not Word's goes through unchanged.
 */

/** Word's clipboard HTML names its Office namespaces or its generator. */
function fromWord(html: string): boolean {
  return /urn:schemas-microsoft-com:office|<meta[^>]+Word\.Document|class="?Mso/i.test(html);
}

const WHITESPACE = /^[\s\u00a0]*$/;

/** A row only Word's layout needs: zero height, and nothing in its cells. */
function isSpacerRow(row: HTMLTableRowElement): boolean {
  return row.getAttribute('height') === '0' && [...row.cells].every((cell) => WHITESPACE.test(cell.textContent ?? ''));
}

/** Gives each cell Word sized the editor's `colwidth`, unless it has one. */
function keepWidths(doc: Document): void {
  for (const cell of doc.querySelectorAll<HTMLTableCellElement>('td[width], th[width]')) {
    const width = Number.parseInt(cell.getAttribute('width') ?? '', 10);
    if (cell.colSpan === 1 && Number.isFinite(width) && width > 0 && !cell.hasAttribute('colwidth')) cell.setAttribute('colwidth', String(width));
  }
}

/** `html` as the editor should read it: Word's markers and spacer rows out, its column widths kept. */
export function tidyWordHtml(html: string): string {
  if (!fromWord(html)) return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const marker of [...doc.getElementsByTagName('o:p')]) {
    if (WHITESPACE.test(marker.textContent ?? '')) marker.remove();
    else marker.replaceWith(...marker.childNodes);
  }
  for (const row of [...doc.querySelectorAll('tr')]) if (isSpacerRow(row)) row.remove();
  keepWidths(doc);
  return doc.body.innerHTML;
}
