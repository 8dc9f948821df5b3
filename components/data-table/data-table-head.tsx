'use client';

import { cn } from '@/lib/utils';
import { alignClass, type DataTableInstance } from './columns';
import type { DataTableColumn, DataTableLabels } from './types';

/**
 * The header rows: group headers span their columns, a column without a group spans the group rows, and a sortable
 * column's header is a button (URL mode only, where `labels` is given) that says its order in `aria-sort`.
 */
export function DataTableHead({
  table,
  specs,
  labels,
  className,
}: {
  table: DataTableInstance;
  specs: readonly DataTableColumn[];
  labels?: DataTableLabels;
  className?: string;
}) {
  const specOf = (id: string) => specs.find((s) => s.id === id);
  const groupOf = (id: string) => specs.find((s) => s.group?.id === id)?.group;
  return (
    <thead className={cn('bg-slate-50 text-slate-600', className)}>
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
                  isGroup ? 'text-center' : alignClass(spec),
                  isGroup ? groupOf(column.id)?.className : spec?.headerClassName,
                )}
              >
                {!isGroup && column.getCanSort() && labels ? (
                  <button
                    type="button"
                    onClick={column.getToggleSortingHandler()}
                    className="inline-flex items-center gap-1 hover:text-slate-900"
                    title={
                      sorted === 'asc' ? labels.sortAscending : sorted === 'desc' ? labels.sortDescending : undefined
                    }
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
  );
}
