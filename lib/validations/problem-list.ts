import { z } from 'zod';
import { PROBLEM_LEVELS, PROBLEM_STATUSES, type ProblemLevel, type ProblemStatus } from '@/lib/domain/problems/flow';
import { queryText } from './text';

/**
 * The problem ledger's (问题台账) state as it travels in the URL, shared by the page, its export and the API.
 * Parsing never throws: a bad or stale parameter falls back to its default, field by field, as the projects
 * list's does (lib/validations/project-list.ts).
 */

export const PROBLEM_LIST_SORTS = ['number', 'dueDate', 'daysOverdue', 'lastActivity', 'status', 'level'] as const;
export type ProblemListSort = (typeof PROBLEM_LIST_SORTS)[number];

export const PROBLEM_LIST_PAGE_SIZES = [20, 50, 100] as const;
/** The most rows one page (screen or API) returns. */
export const PROBLEM_LIST_MAX_PAGE_SIZE = 100;
/** The longest search text kept. */
export const PROBLEM_SEARCH_MAX = 100;

export const PROBLEM_LIST_HIDEABLE_COLUMNS = [
  'project',
  'category',
  'lead',
  'leader',
  'dueDate',
  'daysOverdue',
  'level',
  'lastActivity',
] as const;
export type ProblemListColumn = (typeof PROBLEM_LIST_HIDEABLE_COLUMNS)[number];

/** What narrows the ledger: the screen, the export and the API take the same. */
export interface ProblemListFilters {
  q?: string;
  statuses?: ProblemStatus[];
  categoryIds?: number[];
  levels?: ProblemLevel[];
  leadDepartmentIds?: number[];
  leaderIds?: number[];
  projectIds?: number[];
  raisedByDepartmentIds?: number[];
  /** past due and not closed, against the business clock's today */
  overdue?: boolean;
  /** the plan year the problem is numbered in */
  year?: number;
}

export interface ProblemListParams extends Required<ProblemListFilters> {
  year: number;
  page: number;
  pageSize: number;
  sort: ProblemListSort;
  dir: 'asc' | 'desc';
  hidden: ProblemListColumn[];
  /** the search text was refused by the shared text rule: left out, so the page can say so */
  invalid?: 'q'[];
}

/** year 0: every year. */
export const DEFAULT_PROBLEM_LIST_PARAMS: ProblemListParams = {
  q: '',
  statuses: [],
  categoryIds: [],
  levels: [],
  leadDepartmentIds: [],
  leaderIds: [],
  projectIds: [],
  raisedByDepartmentIds: [],
  overdue: false,
  year: 0,
  page: 1,
  pageSize: 50,
  sort: 'number',
  dir: 'desc',
  hidden: [],
};

type Raw = string | string[] | undefined;

function listOf(raw: Raw): string[] {
  const parts = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) => v.split(','));
  return [...new Set(parts.map((v) => v.trim()).filter((v) => v.length > 0 && v.length <= 100))].slice(0, 50);
}

function pick<T extends string>(raw: Raw, allowed: readonly T[]): T[] {
  return listOf(raw).filter((v): v is T => (allowed as readonly string[]).includes(v));
}

function ids(raw: Raw): number[] {
  return listOf(raw)
    .filter((v) => /^\d{1,9}$/.test(v))
    .map(Number);
}

function single(raw: Raw): string | undefined {
  return Array.isArray(raw) ? raw[0] : raw;
}

const D = DEFAULT_PROBLEM_LIST_PARAMS;
const ZPage = z.coerce.number().int().min(1).max(100_000).catch(D.page);
const ZPageSize = z.coerce
  .number()
  .refine((n) => (PROBLEM_LIST_PAGE_SIZES as readonly number[]).includes(n))
  .catch(D.pageSize);
const ZSort = z.enum(PROBLEM_LIST_SORTS).catch(D.sort);
const ZDir = z.enum(['asc', 'desc']).catch(D.dir);
const ZYear = z.coerce.number().int().min(2000).max(2100).catch(0);

/** Parses Next's searchParams (or an API query) into the ledger's state; never throws. */
export function parseProblemListParams(searchParams: Record<string, Raw>): ProblemListParams {
  const rawQ = single(searchParams.q);
  const q = typeof rawQ === 'string' ? queryText(rawQ, PROBLEM_SEARCH_MAX) : { ok: true as const, value: '' };
  return {
    q: q.ok ? q.value.trim() : '',
    statuses: pick(searchParams.status, PROBLEM_STATUSES),
    categoryIds: ids(searchParams.category),
    levels: pick(searchParams.level, PROBLEM_LEVELS),
    leadDepartmentIds: ids(searchParams.lead),
    leaderIds: ids(searchParams.leader),
    projectIds: ids(searchParams.project),
    raisedByDepartmentIds: ids(searchParams.raisedBy),
    overdue: single(searchParams.overdue) === '1' || single(searchParams.overdue) === 'true',
    year: single(searchParams.year) === undefined ? 0 : ZYear.parse(single(searchParams.year)),
    page: ZPage.parse(single(searchParams.page) ?? undefined),
    pageSize: ZPageSize.parse(single(searchParams.size) ?? undefined),
    sort: ZSort.parse(single(searchParams.sort)),
    dir: ZDir.parse(single(searchParams.dir)),
    hidden: pick(searchParams.hide, PROBLEM_LIST_HIDEABLE_COLUMNS),
    ...(q.ok ? {} : { invalid: ['q' as const] }),
  };
}

/** The filters of a state, as the list function takes them. */
export function problemListFilters(params: ProblemListParams): ProblemListFilters {
  return {
    q: params.q,
    statuses: params.statuses,
    categoryIds: params.categoryIds,
    levels: params.levels,
    leadDepartmentIds: params.leadDepartmentIds,
    leaderIds: params.leaderIds,
    projectIds: params.projectIds,
    raisedByDepartmentIds: params.raisedByDepartmentIds,
    overdue: params.overdue,
    ...(params.year ? { year: params.year } : {}),
  };
}

/** The query string of a state, without defaults, so one view has one URL (links, drill-downs, the export). */
export function problemListSearch(params: Partial<ProblemListParams>): string {
  const p = { ...D, ...params };
  const sp = new URLSearchParams();
  if (p.q) sp.set('q', p.q);
  if (p.statuses.length) sp.set('status', p.statuses.join(','));
  if (p.categoryIds.length) sp.set('category', p.categoryIds.join(','));
  if (p.levels.length) sp.set('level', p.levels.join(','));
  if (p.leadDepartmentIds.length) sp.set('lead', p.leadDepartmentIds.join(','));
  if (p.leaderIds.length) sp.set('leader', p.leaderIds.join(','));
  if (p.projectIds.length) sp.set('project', p.projectIds.join(','));
  if (p.raisedByDepartmentIds.length) sp.set('raisedBy', p.raisedByDepartmentIds.join(','));
  if (p.overdue) sp.set('overdue', '1');
  if (p.year) sp.set('year', String(p.year));
  if (p.sort !== D.sort) sp.set('sort', p.sort);
  if (p.dir !== D.dir) sp.set('dir', p.dir);
  if (p.pageSize !== D.pageSize) sp.set('size', String(p.pageSize));
  if (p.page !== D.page) sp.set('page', String(p.page));
  if (p.hidden.length) sp.set('hide', p.hidden.join(','));
  const s = sp.toString();
  return s ? `?${s}` : '';
}
