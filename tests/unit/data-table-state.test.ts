import { describe, expect, it } from 'vitest';
import { buildColumns, groupBodies } from '@/components/data-table/columns';
import type { DataTableColumn, DataTableEntry, DataTableUrl } from '@/components/data-table/types';
import {
  hiddenColumns,
  pageSummary,
  sortOf,
  urlKeys,
  writePagination,
  writeSort,
  writeVisibility,
} from '@/components/data-table/url-state';

/** The project list's URL settings: sorted by code ascending, 20 rows a page by default. */
const url: DataTableUrl = { defaultSort: { id: 'code', desc: false }, defaultPageSize: 20 };
const search = (query: string) => new URLSearchParams(query);

describe('the table state in the URL', () => {
  it('leaves the default sort out of the address, so one view has one address', () => {
    const sp = search('sort=name&dir=desc&stage=NEW_START');
    writeSort(sp, { id: 'code', desc: false }, url);
    expect(sp.toString()).toBe('stage=NEW_START');
  });

  it('writes any other sort with its direction, and starts again at page 1', () => {
    const sp = search('page=3&q=轨道');
    writeSort(sp, { id: 'name', desc: false }, url);
    expect(Object.fromEntries(sp)).toEqual({ q: '轨道', sort: 'name', dir: 'asc' });
    writeSort(sp, { id: 'ytd', desc: true }, url);
    expect(Object.fromEntries(sp)).toEqual({ q: '轨道', sort: 'ytd', dir: 'desc' });
  });

  it('falls back to the default sort when the sorting state is cleared', () => {
    expect(sortOf([], url)).toEqual({ id: 'code', desc: false });
    expect(sortOf([{ id: 'name', desc: true }], url)).toEqual({ id: 'name', desc: true });
  });

  it('writes page 2 and later, and drops the page parameter for page 1', () => {
    const sp = search('stage=NEW_START');
    writePagination(sp, { pageIndex: 1, pageSize: 20 }, { pageIndex: 0, pageSize: 20 }, url);
    expect(sp.toString()).toBe('stage=NEW_START&page=2');
    writePagination(sp, { pageIndex: 0, pageSize: 20 }, { pageIndex: 1, pageSize: 20 }, url);
    expect(sp.toString()).toBe('stage=NEW_START');
  });

  it('writes a page size other than the default, and a new page size starts again at page 1', () => {
    const sp = search('page=4');
    writePagination(sp, { pageIndex: 3, pageSize: 50 }, { pageIndex: 3, pageSize: 20 }, url);
    expect(Object.fromEntries(sp)).toEqual({ size: '50' });
    writePagination(sp, { pageIndex: 0, pageSize: 20 }, { pageIndex: 0, pageSize: 50 }, url);
    expect(sp.toString()).toBe('');
  });

  it('lists the hidden columns in one parameter, and removes it when every column shows', () => {
    const sp = search('');
    writeVisibility(sp, { area: false, stage: true, direction: false }, url);
    expect(sp.get('hide')).toBe('area,direction');
    writeVisibility(sp, { area: true, direction: true }, url);
    expect(sp.has('hide')).toBe(false);
    expect(hiddenColumns({ a: true, b: false })).toEqual(['b']);
  });

  it('uses the parameter names a page gives, and the usual ones otherwise', () => {
    const named: DataTableUrl = { ...url, page: 'p', sort: 'order' };
    expect(urlKeys(named)).toEqual({ page: 'p', size: 'size', sort: 'order', dir: 'dir', hide: 'hide' });
    const sp = search('p=2');
    writeSort(sp, { id: 'name', desc: false }, named);
    expect(Object.fromEntries(sp)).toEqual({ order: 'name', dir: 'asc' });
  });

  it('reads "page 1 of 1" for an empty table rather than "of 0"', () => {
    expect(pageSummary('第{page}页，共{pages}页', 1, 0)).toBe('第1页，共1页');
    expect(pageSummary('Page {page} of {pages}', 2, 5)).toBe('Page 2 of 5');
  });
});

describe('the columns and body groups', () => {
  const col = (id: string, group?: string): DataTableColumn => ({
    id,
    header: id,
    ...(group && { group: { id: group, header: group } }),
  });

  it('puts adjacent columns of one group under one spanning header, and leaves the others alone', () => {
    const defs = buildColumns(
      [col('name'), col('plan', 'money'), col('done', 'money'), col('rate'), col('note', 'money')],
      false,
    );
    expect(defs.map((d) => d.id)).toEqual(['name', 'money', 'rate', 'money']);
    const group = defs[1] as { columns?: { id?: string }[] };
    expect(group.columns?.map((c) => c.id)).toEqual(['plan', 'done']);
  });

  it('offers sorting and hiding only on an interactive (URL) table', () => {
    const specs: DataTableColumn[] = [
      { id: 'name', header: 'name', sortable: true },
      { id: 'code', header: 'code', hideable: false },
    ];
    const [name, code] = buildColumns(specs, true) as { enableSorting?: boolean; enableHiding?: boolean }[];
    expect(name).toMatchObject({ enableSorting: true, enableHiding: true });
    expect(code).toMatchObject({ enableSorting: false, enableHiding: false });
    for (const plain of buildColumns(specs, false) as { enableSorting?: boolean; enableHiding?: boolean }[]) {
      expect(plain).toMatchObject({ enableSorting: false, enableHiding: false });
    }
  });

  it('opens a new body at each heading row, with the rows before the first heading in a body of their own', () => {
    const entries: DataTableEntry[] = [
      { id: 'a', cells: {} },
      { id: 'h1', heading: '用户' },
      { id: 'b', cells: {} },
      { id: 'c', cells: {} },
      { id: 'h2', heading: '部门' },
    ];
    const bodies = groupBodies(entries.map((original) => ({ original })));
    expect(bodies.map((b) => [b.heading?.id ?? null, b.rows.map((r) => r.original.id)])).toEqual([
      [null, ['a']],
      ['h1', ['b', 'c']],
      ['h2', []],
    ]);
    expect(groupBodies([])).toEqual([]);
  });
});
