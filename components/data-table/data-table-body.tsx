'use client';

import type * as React from 'react';
import { cn } from '@/lib/utils';
import { alignClass, groupBodies, type DataTableInstance } from './columns';
import { isHeading, type DataTableColumn } from './types';

/** The body: one <tbody> per heading group (or the empty message), each row's cells with its own classes. */
export function DataTableBody({
  table,
  specs,
  empty,
}: {
  table: DataTableInstance;
  specs: readonly DataTableColumn[];
  empty?: React.ReactNode;
}) {
  const specOf = (id: string) => specs.find((s) => s.id === id);
  const visibleCount = table.getVisibleLeafColumns().length;
  const bodies = groupBodies(table.getRowModel().rows);
  if (bodies.length === 0) {
    return (
      <tbody>
        <tr>
          <td colSpan={visibleCount} className="px-3 py-8 text-center text-slate-500">
            {empty}
          </td>
        </tr>
      </tbody>
    );
  }
  return bodies.map((body, index) => (
    <tbody key={body.heading?.id ?? index} className="divide-y divide-slate-100">
      {body.heading ? (
        <tr className="bg-slate-50/60">
          <th
            colSpan={visibleCount}
            scope="rowgroup"
            className="px-5 py-1.5 text-left text-xs font-semibold text-slate-500"
          >
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
                    alignClass(spec),
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
  ));
}

/** The totals row, from the columns' `footer`s; nothing when no column has one. */
export function DataTableFoot({
  table,
  specs,
  testId,
}: {
  table: DataTableInstance;
  specs: readonly DataTableColumn[];
  testId: string;
}) {
  // footers belong to leaf columns, whose row is the first footer group
  const footerGroup = specs.some((s) => s.footer !== undefined) ? table.getFooterGroups()[0] : undefined;
  if (!footerGroup) return null;
  return (
    <tfoot className="border-t-2 border-slate-300 bg-slate-50 font-medium text-slate-900">
      <tr data-testid={`${testId}-totals`}>
        {footerGroup.headers.map((header) => (
          <td
            key={header.id}
            data-column={header.column.id}
            className={cn(
              'px-3 py-2 whitespace-nowrap tabular-nums',
              alignClass(specs.find((s) => s.id === header.column.id)),
            )}
          >
            {header.isPlaceholder ? null : <table.FlexRender footer={header} />}
          </td>
        ))}
      </tr>
    </tfoot>
  );
}
