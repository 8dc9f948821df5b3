import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_LIST_PARAMS, parseProjectListParams, projectListSearch } from '@/lib/validations/project-list';

describe('parseProjectListParams', () => {
  it('gives the defaults for an empty query', () => {
    expect(parseProjectListParams({})).toEqual(DEFAULT_PROJECT_LIST_PARAMS);
  });

  it('reads a full, valid state', () => {
    expect(
      parseProjectListParams({
        page: '3',
        size: '100',
        sort: 'name',
        dir: 'desc',
        q: '  解放碑 ',
        stage: 'NEW_START,ONGOING',
        investor: ['SOCIAL', 'DISTRICT'],
        direction: 'INFRASTRUCTURE',
        dept: '4,12',
        area: '解放碑片区',
        warning: 'red',
        hide: 'code,area',
      }),
    ).toEqual({
      page: 3,
      pageSize: 100,
      sort: 'name',
      dir: 'desc',
      q: '解放碑',
      stages: ['NEW_START', 'ONGOING'],
      investorTypes: ['SOCIAL', 'DISTRICT'],
      directions: ['INFRASTRUCTURE'],
      departmentIds: [4, 12],
      areas: ['解放碑片区'],
      warnings: ['red'],
      hidden: ['code', 'area'],
    });
  });

  it.each([
    ['page', { page: '0' }],
    ['page', { page: '-2' }],
    ['page', { page: '1.5' }],
    ['page', { page: 'abc' }],
    ['page', { page: '9999999999' }],
    ['pageSize', { size: '7' }],
    ['pageSize', { size: '100000' }],
    ['sort', { sort: 'passwordHash' }],
    ['sort', { sort: 'name; DROP TABLE "Project"' }],
    ['dir', { dir: 'sideways' }],
  ] as const)('falls back to the default %s for %j', (field, query) => {
    const parsed = parseProjectListParams(query);
    expect(parsed[field]).toEqual(DEFAULT_PROJECT_LIST_PARAMS[field]);
  });

  it('drops unknown list values and keeps the known ones', () => {
    const parsed = parseProjectListParams({
      stage: 'NEW_START,BOGUS,,new_start',
      dept: '5,x,-1,1e3',
      warning: 'orange',
      hide: 'name,code,nope',
    });
    expect(parsed.stages).toEqual(['NEW_START']);
    expect(parsed.departmentIds).toEqual([5]);
    expect(parsed.warnings).toEqual([]);
    // the name column cannot be hidden: a row would have no way to open its project
    expect(parsed.hidden).toEqual(['code']);
  });

  it('takes the first of repeated single-valued parameters and never throws on odd input', () => {
    expect(parseProjectListParams({ page: ['2', '5'], sort: ['rate', 'name'] })).toMatchObject({
      page: 2,
      sort: 'rate',
    });
    expect(() => parseProjectListParams({ q: 'x'.repeat(10_000), area: ['', ' '] })).not.toThrow();
    expect(parseProjectListParams({ q: 'x'.repeat(10_000) }).q).toHaveLength(100);
  });
});

describe('projectListSearch', () => {
  it('leaves defaults out, so one view has one address', () => {
    expect(projectListSearch(DEFAULT_PROJECT_LIST_PARAMS)).toBe('');
    expect(projectListSearch(DEFAULT_PROJECT_LIST_PARAMS, { year: '2025' })).toBe('?year=2025');
  });

  it('round-trips through the parser', () => {
    const state = parseProjectListParams({
      stage: 'NEW_START',
      dept: '3',
      sort: 'name',
      page: '2',
      hide: 'area',
      q: '中心',
    });
    const query = Object.fromEntries(new URLSearchParams(projectListSearch(state)));
    expect(parseProjectListParams(query)).toEqual(state);
  });
});
