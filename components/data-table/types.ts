import type * as React from 'react';
import type { ColumnVisibilityState, PaginationState, SortingState, Updater } from '@tanstack/react-table';

/** One column of the table, described by what it shows rather than by TanStack's column definition. */
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

export type DataTableEntry = DataTableRow | DataTableHeadingRow;

export const isHeading = (entry: DataTableEntry): entry is DataTableHeadingRow => 'heading' in entry;

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
  /** the pager's accessible name */
  pager: string;
}

export interface DataTableCommonProps {
  columns: readonly DataTableColumn[];
  rows: readonly DataTableEntry[];
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
  /**
   * A grid wider than a 1280 px screen by design (many columns, some of which the user may hide): it scrolls
   * sideways inside its box, and the layout check (e2e/layout-probe.ts) lets it. Every other table must fit.
   */
  wide?: boolean;
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

/** What URL mode adds to the view: TanStack's state, read from the URL, and handlers that navigate. */
export interface DataTableControl {
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
