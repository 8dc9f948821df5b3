'use client';

import * as React from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import {
  columnVisibilityFeature,
  createColumnHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnVisibilityState,
  type PaginationState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { cn } from '@/lib/utils';

/**
 * The one table of the app: TanStack Table 9 for header, sorting, visibility and paging state, with every stage
 * done by the server (manual*) and all state kept in the URL. Rows arrive already rendered by a server component
 * (cells are React nodes), so money is formatted once, on the server, and no formatter ships to the browser.
 */

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature, columnVisibilityFeature });

export interface DataTableColumn {
  id: string;
  header: React.ReactNode;
  /** the column's name in the visibility menu */
  label: string;
  align?: 'start' | 'end';
  /** the server can order by this column */
  sortable?: boolean;
  /** numbers usually want their largest first */
  sortDescFirst?: boolean;
  /** the user may hide this column (default true) */
  hideable?: boolean;
  /** the totals row cell */
  footer?: React.ReactNode;
  className?: string;
}

export interface DataTableRow {
  id: string;
  cells: Record<string, React.ReactNode>;
  testId?: string;
}

/** URL parameter names; the defaults are omitted from the URL so one view has one address. */
export interface DataTableUrl {
  page?: string;
  size?: string;
  sort?: string;
  dir?: string;
  hide?: string;
  defaultSort: { id: string; desc: boolean };
  defaultPageSize: number;
}

export interface DataTableLabels {
  columns: string;
  previous: string;
  next: string;
  /** with {page} and {pages} placeholders, e.g. "第{page}页，共{pages}页" (a string: labels cross from the server) */
  pageSummary: string;
  rowsPerPage: string;
  sortAscending: string;
  sortDescending: string;
}

export interface DataTableProps {
  columns: readonly DataTableColumn[];
  rows: readonly DataTableRow[];
  /** rows in the whole filtered set */
  rowCount: number;
  page: number;
  pageSize: number;
  pageSizes?: readonly number[];
  sort: { id: string; desc: boolean };
  hidden: readonly string[];
  url: DataTableUrl;
  labels: DataTableLabels;
  empty?: React.ReactNode;
  caption?: React.ReactNode;
  testId?: string;
}

const helper = createColumnHelper<typeof features, DataTableRow>();

function resolve<T>(updater: Updater<T>, old: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater;
}

export function DataTable({
  columns: specs,
  rows,
  rowCount,
  page,
  pageSize,
  pageSizes = [20, 50, 100],
  sort,
  hidden,
  url,
  labels,
  empty,
  caption,
  testId = 'data-table',
}: DataTableProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = React.useTransition();
  const keys = { page: url.page ?? 'page', size: url.size ?? 'size', sort: url.sort ?? 'sort', dir: url.dir ?? 'dir', hide: url.hide ?? 'hide' };

  const columns = React.useMemo(
    () =>
      helper.columns(
        specs.map((spec) =>
          // the accessor only makes the column sortable; the server has already ordered the rows
          helper.accessor((row) => row.id, {
            id: spec.id,
            header: () => spec.header,
            cell: ({ row }) => row.original.cells[spec.id] ?? null,
            footer: spec.footer === undefined ? undefined : () => spec.footer,
            enableSorting: spec.sortable ?? false,
            sortDescFirst: spec.sortDescFirst ?? false,
            enableHiding: spec.hideable ?? true,
          }),
        ),
      ),
    [specs],
  );
  const data = React.useMemo(() => [...rows], [rows]);

  // The URL is the state; the optimistic copies let a checkbox or a sort arrow answer the click at once,
  // while the server renders the new view.
  const urlSorting: SortingState = React.useMemo(() => [sort], [sort]);
  const urlVisibility: ColumnVisibilityState = React.useMemo(
    () => Object.fromEntries(hidden.map((id) => [id, false])),
    [hidden],
  );
  const [sorting, setOptimisticSorting] = React.useOptimistic(urlSorting);
  const [columnVisibility, setOptimisticVisibility] = React.useOptimistic(urlVisibility);
  const pagination: PaginationState = React.useMemo(() => ({ pageIndex: page - 1, pageSize }), [page, pageSize]);

  const navigate = (edit: (sp: URLSearchParams) => void, optimistic?: () => void) => {
    const sp = new URLSearchParams(searchParams.toString());
    edit(sp);
    const qs = sp.toString();
    startTransition(() => {
      optimistic?.();
      router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    });
  };
  const setOrDelete = (sp: URLSearchParams, key: string, value: string | null) => {
    if (value === null) sp.delete(key);
    else sp.set(key, value);
  };

  const table = useTable({
    features,
    columns,
    data,
    getRowId: (row) => row.id,
    rowCount,
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    autoResetPageIndex: false,
    state: { sorting, pagination, columnVisibility },
    onSortingChange: (updater) => {
      const next = resolve(updater, sorting)[0] ?? url.defaultSort;
      navigate(
        (sp) => {
          const isDefault = next.id === url.defaultSort.id && next.desc === url.defaultSort.desc;
          setOrDelete(sp, keys.sort, isDefault ? null : next.id);
          setOrDelete(sp, keys.dir, isDefault ? null : next.desc ? 'desc' : 'asc');
          sp.delete(keys.page);
        },
        () => setOptimisticSorting([next]),
      );
    },
    onPaginationChange: (updater) => {
      const next = resolve(updater, pagination);
      navigate((sp) => {
        setOrDelete(sp, keys.page, next.pageIndex > 0 ? String(next.pageIndex + 1) : null);
        setOrDelete(sp, keys.size, next.pageSize === url.defaultPageSize ? null : String(next.pageSize));
        if (next.pageSize !== pagination.pageSize) sp.delete(keys.page);
      });
    },
    onColumnVisibilityChange: (updater) => {
      const next = resolve(updater, columnVisibility);
      const hide = Object.entries(next)
        .filter(([, visible]) => visible === false)
        .map(([id]) => id);
      navigate(
        (sp) => setOrDelete(sp, keys.hide, hide.length ? hide.join(',') : null),
        () => setOptimisticVisibility(next),
      );
    },
  });

  const pages = Math.max(table.getPageCount(), 1);
  const hasFooter = specs.some((s) => s.footer !== undefined);
  const alignOf = (id: string) => (specs.find((s) => s.id === id)?.align === 'end' ? 'text-right' : 'text-left');
  const classOf = (id: string) => specs.find((s) => s.id === id)?.className;
  const visibleCount = table.getVisibleLeafColumns().length;

  return (
    <div className="flex flex-col gap-2" data-testid={testId} aria-busy={pending}>
      <div className="flex justify-end">
        <details className="relative" data-testid={`${testId}-columns`}>
          <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
            {labels.columns}
          </summary>
          <div className="absolute right-0 z-10 mt-1 flex w-56 flex-col gap-1 rounded-md border border-slate-200 bg-white p-2 text-sm shadow-lg">
            {table
              .getAllLeafColumns()
              .filter((column) => column.getCanHide())
              .map((column) => (
                <label key={column.id} className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-slate-50">
                  <input
                    type="checkbox"
                    checked={column.getIsVisible()}
                    onChange={(e) => column.toggleVisibility(e.target.checked)}
                  />
                  {specs.find((s) => s.id === column.id)?.label ?? column.id}
                </label>
              ))}
          </div>
        </details>
      </div>

      <div className={cn('w-full overflow-x-auto rounded-lg border border-slate-200 bg-white', pending && 'opacity-60')}>
        <table className="w-full border-collapse text-sm">
          {caption ? <caption className="px-3 py-2 text-left text-sm text-slate-500">{caption}</caption> : null}
          <thead className="bg-slate-50 text-slate-600">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const column = header.column;
                  const sorted = column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      className={cn(
                        'border-b border-slate-200 px-3 py-2 font-medium whitespace-nowrap',
                        alignOf(column.id),
                      )}
                    >
                      {header.isPlaceholder ? null : column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 hover:text-slate-900"
                          title={sorted === 'asc' ? labels.sortAscending : sorted === 'desc' ? labels.sortDescending : undefined}
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden className="text-xs text-slate-400">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={visibleCount} className="px-3 py-8 text-center text-slate-500">
                  {empty}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50/70" data-testid={row.original.testId}>
                  {row.getVisibleCells().map((cell) => (
                    <td
                      key={cell.id}
                      data-column={cell.column.id}
                      className={cn('px-3 py-2 align-middle', alignOf(cell.column.id), classOf(cell.column.id))}
                    >
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
          {hasFooter ? (
            <tfoot className="border-t-2 border-slate-300 bg-slate-50 font-medium text-slate-900">
              {table.getFooterGroups().map((group) => (
                <tr key={group.id} data-testid={`${testId}-totals`}>
                  {group.headers.map((header) => (
                    <td
                      key={header.id}
                      data-column={header.column.id}
                      className={cn('px-3 py-2 whitespace-nowrap tabular-nums', alignOf(header.column.id))}
                    >
                      {header.isPlaceholder ? null : <table.FlexRender footer={header} />}
                    </td>
                  ))}
                </tr>
              ))}
            </tfoot>
          ) : null}
        </table>
      </div>

      <nav className="flex flex-wrap items-center justify-end gap-3 text-sm" data-testid={`${testId}-pager`}>
        <label className="flex items-center gap-2 text-slate-600">
          {labels.rowsPerPage}
          <select
            className="h-8 rounded-md border border-slate-300 bg-white px-2"
            value={pageSize}
            onChange={(e) => table.setPageSize(Number(e.target.value))}
          >
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-50 disabled:opacity-50"
          disabled={!table.getCanPreviousPage()}
          onClick={() => table.previousPage()}
        >
          {labels.previous}
        </button>
        <span className="text-slate-600 tabular-nums">{labels.pageSummary.replace('{page}', String(page)).replace('{pages}', String(pages))}</span>
        <button
          type="button"
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-50 disabled:opacity-50"
          disabled={!table.getCanNextPage()}
          onClick={() => table.nextPage()}
        >
          {labels.next}
        </button>
      </nav>
    </div>
  );
}
