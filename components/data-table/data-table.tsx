'use client';

import * as React from 'react';
import { useTable } from '@tanstack/react-table';
import { cn } from '@/lib/utils';
import { DataTableBody, DataTableFoot } from './data-table-body';
import { DataTableColumnMenu } from './data-table-column-menu';
import { DataTableHead } from './data-table-head';
import { DataTablePagination } from './data-table-pagination';
import { buildColumns, features } from './columns';
import type { DataTableCommonProps, DataTableControl, DataTableProps, DataTableUrlProps } from './types';
import { useUrlTableState } from './use-url-table-state';

export type {
  DataTableColumn,
  DataTableHeadingRow,
  DataTableLabels,
  DataTableProps,
  DataTableRow,
  DataTableUrl,
  DataTableUrlProps,
} from './types';

/**
 * The one table of the app, built on TanStack Table 9. Rows arrive already rendered by a server component (cells
 * are React nodes), so money is formatted once, on the server, and no formatter ships to the browser.
 *
 * Two modes:
 * - with `url` (and the paging/sorting state beside it): sorting, paging and column visibility are done by the
 *   server (manual*) and kept in the URL (`use-url-table-state.ts`), with a column menu and a pager;
 * - without: a plain table of the rows as given, with no menu and no pager (every table that shows a whole,
 *   short list: admin lists, the audit log, the project page's tables, the review queue, an import report).
 */
export function DataTable(props: DataTableProps) {
  return props.url ? <UrlDataTable {...props} /> : <DataTableView {...props} />;
}

function UrlDataTable(props: DataTableCommonProps & DataTableUrlProps) {
  const control = useUrlTableState(props);
  return <DataTableView {...props} control={control} />;
}

function DataTableView({
  columns: specs,
  rows,
  empty,
  caption,
  ariaLabel,
  testId = 'data-table',
  className,
  tableClassName,
  headClassName,
  wide,
  control,
}: DataTableCommonProps & { control?: DataTableControl }) {
  const interactive = control !== undefined;
  const columns = React.useMemo(() => buildColumns(specs, interactive), [specs, interactive]);
  const data = React.useMemo(() => [...rows], [rows]);

  const table = useTable({
    features,
    columns,
    data,
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    autoResetPageIndex: false,
    // without control: no state, and the manual row model is every row the server sent
    ...(control && {
      rowCount: control.rowCount,
      state: { sorting: control.sorting, pagination: control.pagination, columnVisibility: control.columnVisibility },
      onSortingChange: control.onSortingChange,
      onPaginationChange: control.onPaginationChange,
      onColumnVisibilityChange: control.onColumnVisibilityChange,
    }),
  });

  return (
    <div className="flex flex-col gap-2" data-testid={testId} aria-busy={control?.pending}>
      {control ? (
        <DataTableColumnMenu table={table} specs={specs} label={control.labels.columns} testId={`${testId}-columns`} />
      ) : null}
      <div
        data-wide-grid={wide || undefined}
        className={cn(
          'w-full overflow-x-auto',
          control && 'rounded-lg border border-slate-200 bg-white',
          control?.pending && 'opacity-60',
          className,
        )}
      >
        <table className={cn('w-full border-collapse text-sm', tableClassName)} aria-label={ariaLabel}>
          {caption ? <caption className="px-3 py-2 text-left text-sm text-slate-500">{caption}</caption> : null}
          <DataTableHead table={table} specs={specs} labels={control?.labels} className={headClassName} />
          <DataTableBody table={table} specs={specs} empty={empty} />
          <DataTableFoot table={table} specs={specs} testId={testId} />
        </table>
      </div>
      {control ? <DataTablePagination table={table} control={control} testId={`${testId}-pager`} /> : null}
    </div>
  );
}
