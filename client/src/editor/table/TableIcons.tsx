/** The toolbar's table icons: a grid, and the grid with what an operation adds or removes. */
import type { ReactNode } from 'react';
import type { TableAction } from './tableCommands.js';

const GRID = 'M1.5 2.5h13v11h-13zM1.5 6h13M6 2.5v11M10.5 2.5v11';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** "Chèn bảng": a grid with its header row filled. */
export function TableIcon() {
  return (
    <Icon>
      <path d="M1.5 2.5h13v3.5h-13z" fill="currentColor" opacity="0.35" />
      <path d={GRID} fill="none" stroke="currentColor" strokeWidth="1.2" />
    </Icon>
  );
}

/** The marks drawn over a small grid: a plus for what is added, a cross for what is removed. */
const MARKS: Record<TableAction, string> = {
  addRowAfter: 'M1.5 2.5h9v6h-9zM1.5 5.5h9M6 2.5v6M12.5 10v5M10 12.5h5',
  addColumnAfter: 'M1.5 2.5h7v9h-7zM1.5 7h7M5 2.5v9M12.5 4v5M10 6.5h5',
  deleteRow: 'M1.5 2.5h13v7h-13zM1.5 6h13M10.5 11l4 4M14.5 11l-4 4',
  deleteColumn: 'M1.5 2.5h8v11h-8zM5.5 2.5v11M11 5l4 4M15 5l-4 4',
  deleteTable: 'M1.5 2.5h10v9h-10zM1.5 7h10M6.5 2.5v9M10.5 11l4 4M14.5 11l-4 4',
};

export function TableActionIcon({ action }: { action: TableAction }) {
  return (
    <Icon>
      <path d={MARKS[action]} fill="none" stroke="currentColor" strokeWidth="1.2" />
    </Icon>
  );
}
