/**
 * Where a table's cells fall on its grid of columns, and how wide each column prints. Cells are laid row by
 * row, left to right, skipping the columns a cell merged down from a row above still covers (as
 * prosemirror-tables' `TableMap` does); rooms are written by clients, so spans are clamped and a row may be
 * short or long. Pure: no Word here.
 */

/** Word's limit on the columns of a table. */
export const MAX_TABLE_COLUMNS = 63;

/** A cell's spans, as the grid needs them. */
export interface Span {
  colspan: number;
  rowspan: number;
}

/** Where each cell of each row starts (its first column), or -1 for a cell past the grid's last column. */
export interface Placement {
  columns: number;
  starts: number[][];
}

/** A span as a whole number from 1 to `max` (anything else is 1). */
export function cleanSpan(value: unknown, max: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? Math.min(value, max) : 1;
}

/**
 * The cells' places on the grid. A cell's colspan is cut at the last column; a cell that would start past
 * it gets -1 (its content is the caller's to keep).
 */
export function placeCells(rows: ReadonlyArray<ReadonlyArray<Span>>, maxColumns = MAX_TABLE_COLUMNS): Placement {
  // For each column, the first row no longer covered by a cell merged down into it.
  const coveredUntil: number[] = [];
  let columns = 0;
  const starts = rows.map((cells, row) => {
    let column = 0;
    return cells.map(({ colspan, rowspan }) => {
      while (column < maxColumns && (coveredUntil[column] ?? 0) > row) column += 1;
      if (column >= maxColumns) return -1;
      const start = column;
      const end = Math.min(start + colspan, maxColumns);
      for (let covered = start; covered < end; covered += 1) coveredUntil[covered] = row + rowspan;
      column = end;
      columns = Math.max(columns, end);
      return start;
    });
  });
  return { columns, starts };
}

/**
 * The printed width of each column, in twips, adding up to `total`: in the proportions of the editor's
 * column widths where the cells give them (a column without one takes the mean of the others), else even.
 * @param known Each column's width in the editor (screen pixels), or null where no cell gives one.
 */
export function columnWidths(known: ReadonlyArray<number | null>, total: number): number[] {
  const given = known.filter((width): width is number => width !== null && Number.isFinite(width) && width > 0);
  if (known.length === 0) return [];
  const mean = given.length === 0 ? 1 : given.reduce((sum, width) => sum + width, 0) / given.length;
  const shares = known.map((width) => (width !== null && Number.isFinite(width) && width > 0 ? width : mean));
  const sum = shares.reduce((acc, share) => acc + share, 0);
  const widths = shares.map((share) => Math.floor((total * share) / sum));
  // What rounding left over goes to the last column, so the table is exactly `total` wide.
  widths[widths.length - 1]! += total - widths.reduce((acc, width) => acc + width, 0);
  return widths;
}
