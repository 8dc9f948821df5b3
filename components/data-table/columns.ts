import type * as React from 'react';
import {
  columnVisibilityFeature,
  createColumnHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  type ReactTable,
} from '@tanstack/react-table';
import { isHeading, type DataTableColumn, type DataTableEntry } from './types';

/** The features every table registers (TanStack Table 9 tree-shakes the rest away). */
export const features = tableFeatures({ rowSortingFeature, rowPaginationFeature, columnVisibilityFeature });

export type DataTableInstance = ReactTable<typeof features, DataTableEntry>;

const helper = createColumnHelper<typeof features, DataTableEntry>();

const ALIGN = { start: 'text-left', center: 'text-center', end: 'text-right' } as const;

export const alignClass = (spec: DataTableColumn | undefined) => ALIGN[spec?.align ?? 'start'];

/**
 * TanStack column definitions from the column specs: a leaf per spec, and a group column over each run of adjacent
 * specs with the same `group.id`. Sorting and hiding are offered only when the table is interactive (URL mode).
 */
export function buildColumns(specs: readonly DataTableColumn[], interactive: boolean) {
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
  for (let i = 0; i < specs.length;) {
    const group = specs[i]!.group;
    if (!group) {
      defs.push(leaf(specs[i]!));
      i += 1;
      continue;
    }
    let end = i;
    while (end < specs.length && specs[end]!.group?.id === group.id) end += 1;
    defs.push(
      helper.group({
        id: group.id,
        header: () => group.header,
        columns: helper.columns(specs.slice(i, end).map(leaf)),
      }),
    );
    i = end;
  }
  return helper.columns(defs);
}

export interface BodyGroup<R> {
  heading?: { id: string; content: React.ReactNode };
  rows: R[];
}

/**
 * Heading rows split the body into groups, one <tbody> each; rows before the first heading form a group without
 * one. Generic over the row wrapper so it is tested without a table.
 */
export function groupBodies<R extends { original: DataTableEntry }>(rows: readonly R[]): BodyGroup<R>[] {
  const bodies: BodyGroup<R>[] = [];
  for (const row of rows) {
    const original = row.original;
    if (isHeading(original)) bodies.push({ heading: { id: original.id, content: original.heading }, rows: [] });
    else if (bodies.length === 0) bodies.push({ rows: [row] });
    else bodies[bodies.length - 1]!.rows.push(row);
  }
  return bodies;
}
