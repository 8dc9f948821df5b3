'use client';

import { PagerControls } from '@/components/navigation/pager-controls';
import type { DataTableInstance } from './columns';
import type { DataTableControl } from './types';
import { pageSummary } from './url-state';

/**
 * The pager of URL mode: rows per page, previous, "page N of M", next. Each step goes through TanStack's
 * pagination state, which the URL-state hook turns into a navigation; the markup is the shared pager's.
 */
export function DataTablePagination({
  table,
  control,
  testId,
}: {
  table: DataTableInstance;
  control: DataTableControl;
  testId: string;
}) {
  const { labels, pagination, pageSizes } = control;
  return (
    <PagerControls
      label={labels.pager}
      summary={pageSummary(labels.pageSummary, pagination.pageIndex + 1, table.getPageCount())}
      previous={{ label: labels.previous, disabled: !table.getCanPreviousPage(), onClick: () => table.previousPage() }}
      next={{ label: labels.next, disabled: !table.getCanNextPage(), onClick: () => table.nextPage() }}
      testId={testId}
    >
      <label className="flex items-center gap-2 text-slate-600">
        {labels.rowsPerPage}
        <select
          className="h-8 rounded-md border border-slate-300 bg-white px-2"
          value={pagination.pageSize}
          onChange={(e) => table.setPageSize(Number(e.target.value))}
        >
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
    </PagerControls>
  );
}
