'use client';

import * as React from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { ColumnVisibilityState, PaginationState, SortingState } from '@tanstack/react-table';
import type { DataTableControl, DataTableUrlProps } from './types';
import { resolveUpdater, sortOf, writePagination, writeSort, writeVisibility } from './url-state';

const DEFAULT_PAGE_SIZES = [20, 50, 100] as const;

/**
 * The URL is the table's state: sorting, paging and hidden columns are read from the server's props and every
 * change navigates. Optimistic copies let a checkbox or a sort arrow answer the click at once, while the server
 * renders the new view.
 */
export function useUrlTableState({
  rowCount,
  page,
  pageSize,
  pageSizes = DEFAULT_PAGE_SIZES,
  sort,
  hidden,
  url,
  labels,
}: DataTableUrlProps): DataTableControl {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = React.useTransition();

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

  return {
    sorting,
    pagination,
    columnVisibility,
    rowCount,
    pending,
    pageSizes,
    labels,
    onSortingChange: (updater) => {
      const next = sortOf(resolveUpdater(updater, sorting), url);
      navigate(
        (sp) => writeSort(sp, next, url),
        () => setOptimisticSorting([next]),
      );
    },
    onPaginationChange: (updater) => {
      const next = resolveUpdater(updater, pagination);
      navigate((sp) => writePagination(sp, next, pagination, url));
    },
    onColumnVisibilityChange: (updater) => {
      const next = resolveUpdater(updater, columnVisibility);
      navigate(
        (sp) => writeVisibility(sp, next, url),
        () => setOptimisticVisibility(next),
      );
    },
  };
}
