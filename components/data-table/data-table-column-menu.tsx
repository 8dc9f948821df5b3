'use client';

import type { DataTableInstance } from './columns';
import type { DataTableColumn } from './types';

/** The "columns" menu of URL mode: a checkbox per column the user may hide, named by its `label`. */
export function DataTableColumnMenu({
  table,
  specs,
  label,
  testId,
}: {
  table: DataTableInstance;
  specs: readonly DataTableColumn[];
  label: string;
  testId: string;
}) {
  return (
    <div className="flex justify-end">
      <details className="relative" data-testid={testId}>
        <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
          {label}
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
  );
}
