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
 * The one table of the app, built on TanStack Table 9. Rows arrive already rendered by a server component (cells
 * are React nodes), so money is formatted once, on the server, and no formatter ships to the browser.
 *
 * Two modes:
 * - with `url` (and the paging/sorting state beside it): sorting, paging and column visibility are done by the
 *   server (manual*) and kept in the URL, with a column menu and a pager;
 * - without: a plain table of the rows as given, with no menu and no pager (every table that shows a whole,
 *   short list: admin lists, the audit log, the project page's tables, an import report).
 */

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature, columnVisibilityFeature });

export interface DataTableColumn {
  id: string;
  header: React.ReactNode;
  /** the column's name in the visibility menu (URL mode) */
  label?: string;
  align?: 'start' | 'center' | 'end';
  /** the server can order by this column (URL mode) */
  sortable?: boolean;
  /** numbers usually want their largest first */
  sortDescFirst?: boolean;
  /** the user may hide this column (URL mode; default true) */
  hideable?: boolean;
  /** the totals row cell */
  footer?: React.ReactNode;
  /** the body cells' classes */
  className?: string;
  headerClassName?: string;
  /** the cells name their row (<th scope="row">) */
  rowHeader?: boolean;
  /** adjacent columns with the same group id sit under one spanning header */
  group?: { id: string; header: React.ReactNode; className?: string };
}

export interface DataTableRow {
  id: string;
  cells: Record<string, React.ReactNode>;
  testId?: string;
  className?: string;
  /** this row's classes for single cells, by column id */
  cellClassNames?: Record<string, string | undefined>;
  /** data-* attributes of the row, e.g. { 'data-action': 'user.create' } */
  attrs?: Record<`data-${string}`, string>;
}

/** A heading row opens a group of the rows after it: their own <tbody>, with the heading as its rowgroup header. */
export interface DataTableHeadingRow {
  id: string;
  heading: React.ReactNode;
}

type Entry = DataTableRow | DataTableHeadingRow;
const isHeading = (entry: Entry): entry is DataTableHeadingRow => 'heading' in entry;

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

interface DataTableCommonProps {
  columns: readonly DataTableColumn[];
  rows: readonly (DataTableRow | DataTableHeadingRow)[];
  empty?: React.ReactNode;
  caption?: React.ReactNode;
  /** the table's accessible name, when no caption gives one */
  ariaLabel?: string;
  testId?: string;
  /** the scrolling frame's classes (e.g. a height limit, another border) */
  className?: string;
  /** the <table>'s classes */
  tableClassName?: string;
  /** the <thead>'s classes */
  headClassName?: string;
}

/** The server-side state of a paged, sortable table whose state lives in the URL. */
export interface DataTableUrlProps {
  /** rows in the whole filtered set */
  rowCount: number;
  page: number;
  pageSize: number;
  pageSizes?: readonly number[];
  sort: { id: string; desc: boolean };
  hidden: readonly string[];
  url: DataTableUrl;
  labels: DataTableLabels;
}

export type DataTableProps = DataTableCommonProps & (DataTableUrlProps | { url?: undefined });

const helper = createColumnHelper<typeof features, Entry>();

function resolve<T>(updater: Updater<T>, old: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater;
}

const ALIGN = { start: 'text-left', center: 'text-center', end: 'text-right' } as const;

export function DataTable(props: DataTableProps) {
  return props.url ? <UrlDataTable {...props} /> : <DataTableView {...props} />;
}

/** What URL mode adds to the view: TanStack's state, read from the URL, and handlers that navigate. */
interface Control {
  sorting: SortingState;
  pagination: PaginationState;
  columnVisibility: ColumnVisibilityState;
  rowCount: number;
  onSortingChange(updater: Updater<SortingState>): void;
  onPaginationChange(updater: Updater<PaginationState>): void;
  onColumnVisibilityChange(updater: Updater<ColumnVisibilityState>): void;
  pending: boolean;
  pageSizes: readonly number[];
  labels: DataTableLabels;
}

function UrlDataTable(props: DataTableCommonProps & DataTableUrlProps) {
  const { rowCount, page, pageSize, pageSizes = [20, 50, 100], sort, hidden, url, labels } = props;
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = React.useTransition();
  const keys = { page: url.page ?? 'page', size: url.size ?? 'size', sort: url.sort ?? 'sort', dir: url.dir ?? 'dir', hide: url.hide ?? 'hide' };

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

  const control: Control = {
    sorting,
    pagination,
    columnVisibility,
    rowCount,
    pending,
    pageSizes,
    labels,
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
  };
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
  control,
}: DataTableCommonProps & { control?: Control }) {
  const interactive = control !== undefined;
  const columns = React.useMemo(() => {
    const leaf = (spec: DataTableColumn) =>
      // the accessor only makes the column sortable; the server has already ordered the rows
      helper.accessor((row) => row.id, {
        id: spec.id,
        header: () => spec.header,
        cell: ({ row }) => (isHeading(row.original) ? null : (row.original.cells[spec.id] ?? null)),
        footer: spec.footer === undefined ? undefined : () => spec.footer,
        enableSorting: interactive && (spec.sortable ?? false),
        sortDescFirst: spec.sortDescFirst ?? false,
        enableHiding: interactive && (spec.hideable ?? true),
      });
    const defs: (ReturnType<typeof leaf> | ReturnType<typeof helper.group>)[] = [];
    for (let i = 0; i < specs.length; ) {
      const group = specs[i]!.group;
      if (!group) {
        defs.push(leaf(specs[i]!));
        i += 1;
        continue;
      }
      let end = i;
      while (end < specs.length && specs[end]!.group?.id === group.id) end += 1;
      defs.push(helper.group({ id: group.id, header: () => group.header, columns: helper.columns(specs.slice(i, end).map(leaf)) }));
      i = end;
    }
    return helper.columns(defs);
  }, [specs, interactive]);
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

  const specOf = (id: string) => specs.find((s) => s.id === id);
  const groupOf = (id: string) => specs.find((s) => s.group?.id === id)?.group;
  const alignOf = (id: string) => ALIGN[specOf(id)?.align ?? 'start'];
  // footers belong to leaf columns, whose row is the first footer group
  const footerGroup = specs.some((s) => s.footer !== undefined) ? table.getFooterGroups()[0] : undefined;
  const visibleCount = table.getVisibleLeafColumns().length;
  // URL mode only: the column menu, the sort buttons and the pager
  const labels = control?.labels;

  // Heading rows split the body into groups, one <tbody> each.
  const bodies: { heading?: { id: string; content: React.ReactNode }; rows: ReturnType<typeof table.getRowModel>['rows'] }[] = [];
  for (const row of table.getRowModel().rows) {
    const original = row.original;
    if (isHeading(original)) bodies.push({ heading: { id: original.id, content: original.heading }, rows: [] });
    else if (bodies.length === 0) bodies.push({ rows: [row] });
    else bodies[bodies.length - 1]!.rows.push(row);
  }

  return (
    <div className="flex flex-col gap-2" data-testid={testId} aria-busy={control?.pending}>
      {labels ? (
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
                    {specOf(column.id)?.label ?? column.id}
                  </label>
                ))}
            </div>
          </details>
        </div>
      ) : null}

      <div
        className={cn(
          'w-full overflow-x-auto',
          control && 'rounded-lg border border-slate-200 bg-white',
          control?.pending && 'opacity-60',
          className,
        )}
      >
        <table className={cn('w-full border-collapse text-sm', tableClassName)} aria-label={ariaLabel}>
          {caption ? <caption className="px-3 py-2 text-left text-sm text-slate-500">{caption}</caption> : null}
          <thead className={cn('bg-slate-50 text-slate-600', headClassName)}>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  // a shallow column's placeholders merge with its real header into one cell spanning the rows
                  if (header.rowSpan === 0) return null;
                  const column = header.column;
                  const isGroup = header.subHeaders.length > 0 && !header.isPlaceholder;
                  const spec = isGroup ? undefined : specOf(column.id);
                  const sorted = column.getIsSorted();
                  const content = isGroup ? groupOf(column.id)?.header : spec?.header;
                  return (
                    <th
                      key={header.id}
                      scope={isGroup ? 'colgroup' : 'col'}
                      colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                      rowSpan={header.rowSpan > 1 ? header.rowSpan : undefined}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      className={cn(
                        'border-b border-slate-200 px-3 py-2 font-medium whitespace-nowrap',
                        isGroup ? 'text-center' : alignOf(column.id),
                        isGroup ? groupOf(column.id)?.className : spec?.headerClassName,
                      )}
                    >
                      {!isGroup && column.getCanSort() && labels ? (
                        <button
                          type="button"
                          onClick={column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 hover:text-slate-900"
                          title={sorted === 'asc' ? labels.sortAscending : sorted === 'desc' ? labels.sortDescending : undefined}
                        >
                          {content}
                          <span aria-hidden className="text-xs text-slate-400">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          {bodies.length === 0 ? (
            <tbody>
              <tr>
                <td colSpan={visibleCount} className="px-3 py-8 text-center text-slate-500">
                  {empty}
                </td>
              </tr>
            </tbody>
          ) : (
            bodies.map((body, index) => (
              <tbody key={body.heading?.id ?? index} className="divide-y divide-slate-100">
                {body.heading ? (
                  <tr className="bg-slate-50/60">
                    <th colSpan={visibleCount} scope="rowgroup" className="px-5 py-1.5 text-left text-xs font-semibold text-slate-500">
                      {body.heading.content}
                    </th>
                  </tr>
                ) : null}
                {body.rows.map((row) => {
                  const original = row.original;
                  if (isHeading(original)) return null;
                  return (
                    <tr
                      key={row.id}
                      className={cn('hover:bg-slate-50/70', original.className)}
                      data-testid={original.testId}
                      {...original.attrs}
                    >
                      {row.getVisibleCells().map((cell) => {
                        const spec = specOf(cell.column.id);
                        const Cell = spec?.rowHeader ? 'th' : 'td';
                        return (
                          <Cell
                            key={cell.id}
                            scope={spec?.rowHeader ? 'row' : undefined}
                            data-column={cell.column.id}
                            className={cn(
                              'px-3 py-2 align-middle',
                              spec?.rowHeader && 'font-medium',
                              alignOf(cell.column.id),
                              spec?.className,
                              original.cellClassNames?.[cell.column.id],
                            )}
                          >
                            <table.FlexRender cell={cell} />
                          </Cell>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            ))
          )}
          {footerGroup ? (
            <tfoot className="border-t-2 border-slate-300 bg-slate-50 font-medium text-slate-900">
              <tr data-testid={`${testId}-totals`}>
                {footerGroup.headers.map((header) => (
                  <td
                    key={header.id}
                    data-column={header.column.id}
                    className={cn('px-3 py-2 whitespace-nowrap tabular-nums', alignOf(header.column.id))}
                  >
                    {header.isPlaceholder ? null : <table.FlexRender footer={header} />}
                  </td>
                ))}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>

      {control && labels ? (
        <nav className="flex flex-wrap items-center justify-end gap-3 text-sm" data-testid={`${testId}-pager`}>
          <label className="flex items-center gap-2 text-slate-600">
            {labels.rowsPerPage}
            <select
              className="h-8 rounded-md border border-slate-300 bg-white px-2"
              value={control.pagination.pageSize}
              onChange={(e) => table.setPageSize(Number(e.target.value))}
            >
              {control.pageSizes.map((size) => (
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
          <span className="text-slate-600 tabular-nums">
            {labels.pageSummary
              .replace('{page}', String(control.pagination.pageIndex + 1))
              .replace('{pages}', String(Math.max(table.getPageCount(), 1)))}
          </span>
          <button
            type="button"
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-50 disabled:opacity-50"
            disabled={!table.getCanNextPage()}
            onClick={() => table.nextPage()}
          >
            {labels.next}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
