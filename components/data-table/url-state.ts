import type { ColumnVisibilityState, PaginationState, SortingState, Updater } from '@tanstack/react-table';
import type { DataTableUrl } from './types';

/**
 * How a table's state is written into its address. Pure, so the rules are tested without a browser: a default is
 * left out of the URL (one view, one address), and a new sort or page size starts again at page 1.
 */

export interface UrlKeys {
  page: string;
  size: string;
  sort: string;
  dir: string;
  hide: string;
}

export function urlKeys(url: DataTableUrl): UrlKeys {
  return {
    page: url.page ?? 'page',
    size: url.size ?? 'size',
    sort: url.sort ?? 'sort',
    dir: url.dir ?? 'dir',
    hide: url.hide ?? 'hide',
  };
}

export function resolveUpdater<T>(updater: Updater<T>, old: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater;
}

function setOrDelete(sp: URLSearchParams, key: string, value: string | null) {
  if (value === null) sp.delete(key);
  else sp.set(key, value);
}

/** The sort that a sorting state names: its first entry, or the default when the user cleared it. */
export function sortOf(sorting: SortingState, url: DataTableUrl): { id: string; desc: boolean } {
  return sorting[0] ?? url.defaultSort;
}

export function writeSort(sp: URLSearchParams, next: { id: string; desc: boolean }, url: DataTableUrl): void {
  const keys = urlKeys(url);
  const isDefault = next.id === url.defaultSort.id && next.desc === url.defaultSort.desc;
  setOrDelete(sp, keys.sort, isDefault ? null : next.id);
  setOrDelete(sp, keys.dir, isDefault ? null : next.desc ? 'desc' : 'asc');
  sp.delete(keys.page);
}

export function writePagination(
  sp: URLSearchParams,
  next: PaginationState,
  previous: PaginationState,
  url: DataTableUrl,
): void {
  const keys = urlKeys(url);
  setOrDelete(sp, keys.page, next.pageIndex > 0 ? String(next.pageIndex + 1) : null);
  setOrDelete(sp, keys.size, next.pageSize === url.defaultPageSize ? null : String(next.pageSize));
  if (next.pageSize !== previous.pageSize) sp.delete(keys.page);
}

/** The hidden columns of a visibility state, in its order. */
export function hiddenColumns(visibility: ColumnVisibilityState): string[] {
  return Object.entries(visibility)
    .filter(([, visible]) => visible === false)
    .map(([id]) => id);
}

export function writeVisibility(sp: URLSearchParams, visibility: ColumnVisibilityState, url: DataTableUrl): void {
  const hide = hiddenColumns(visibility);
  setOrDelete(sp, urlKeys(url).hide, hide.length ? hide.join(',') : null);
}

/** "第{page}页，共{pages}页" filled in; a table without rows still reads "page 1 of 1". */
export function pageSummary(template: string, page: number, pages: number): string {
  return template.replace('{page}', String(page)).replace('{pages}', String(Math.max(pages, 1)));
}
