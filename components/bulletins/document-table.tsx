import type * as React from 'react';

/**
 * A table of the printed bulletin. Deliberately a plain <table>, not the shared DataTable: it is part of an
 * official document typeset for A4 (ruled cells, the total as a bold body line as printed bulletins have it,
 * no row split across pages), the same on screen and on paper, and it has nothing to sort, page or hide. Rendered
 * on the server, it sends no table code to the browser.
 */

const TH = 'border border-slate-300 bg-slate-50 px-2 py-1.5 text-center font-medium print:bg-white';
const TD = 'border border-slate-300 px-2 py-1.5';
const NUM = `${TD} text-right tabular-nums`;

export interface DocumentTableColumn {
  header: string;
  /** right-aligned figures */
  numeric?: boolean;
}

export interface DocumentTableRow {
  key: string;
  cells: React.ReactNode[];
  strong?: boolean;
}

export function DocumentTable({
  testId,
  caption,
  columns,
  rows,
  className,
}: {
  testId?: string;
  caption?: string;
  columns: readonly DocumentTableColumn[];
  rows: readonly DocumentTableRow[];
  className?: string;
}) {
  // on a phone the table scrolls inside the page instead of widening it; on paper it is as wide as A4 allows
  return (
    <div className="overflow-x-auto print:overflow-visible">
      <table data-testid={testId} className={`w-full border-collapse text-sm ${className ?? ''}`}>
        {caption ? (
          <caption className="pb-1.5 text-left text-base font-semibold text-slate-900">{caption}</caption>
        ) : null}
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={TH}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.strong ? 'break-inside-avoid font-semibold' : 'break-inside-avoid'}>
              {row.cells.map((cell, i) => (
                <td key={i} className={columns[i]?.numeric ? NUM : TD}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
