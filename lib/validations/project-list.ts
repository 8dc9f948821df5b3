import { z } from 'zod';
import { Direction, InvestorType, Stage } from '@/generated/prisma/enums';
import { queryText } from './text';

/**
 * The projects list's state as it travels in the URL, so a filtered view can be shared. Parsing never throws:
 * a bad or stale parameter (an old bookmark, a hand-edited link) falls back to its default, field by field.
 */

export const PROJECT_LIST_SORTS = [
  'name',
  'code',
  'department',
  'totalInvestment',
  'annualPlan',
  'ytd',
  'rate',
] as const;
export type ProjectListSort = (typeof PROJECT_LIST_SORTS)[number];

export const WARNING_LEVELS = ['red', 'yellow', 'none'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export const PROJECT_LIST_PAGE_SIZES = [20, 50, 100] as const;

/** Columns a user may hide; the URL carries the hidden ones, so the default view has no parameter at all. */
export const PROJECT_LIST_HIDEABLE_COLUMNS = [
  'code',
  'department',
  'stage',
  'investorType',
  'direction',
  'area',
  'totalInvestment',
  'annualPlan',
  'ytd',
  'rate',
  'warning',
  'currentMonthStatus',
] as const;
export type ProjectListColumn = (typeof PROJECT_LIST_HIDEABLE_COLUMNS)[number];

export interface ProjectListParams {
  page: number;
  pageSize: number;
  sort: ProjectListSort;
  dir: 'asc' | 'desc';
  q: string;
  stages: Stage[];
  investorTypes: InvestorType[];
  directions: Direction[];
  departmentIds: number[];
  areas: string[];
  warnings: WarningLevel[];
  hidden: ProjectListColumn[];
  /**
   * Text parameters the shared text rule refused (a control character, a non-character): left out of the view,
   * named here so the page can say so and the export can refuse rather than export a different set.
   */
  invalid?: ('q' | 'area')[];
}

export const DEFAULT_PROJECT_LIST_PARAMS: ProjectListParams = {
  page: 1,
  pageSize: 50,
  sort: 'code',
  dir: 'asc',
  q: '',
  stages: [],
  investorTypes: [],
  directions: [],
  departmentIds: [],
  areas: [],
  warnings: [],
  hidden: [],
};

type Raw = string | string[] | undefined;

/** Values of a list parameter, given repeated (?stage=A&stage=B) or comma-separated (?stage=A,B). */
function listOf(raw: Raw): string[] {
  const parts = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) => v.split(','));
  return [...new Set(parts.map((v) => v.trim()).filter((v) => v.length > 0 && v.length <= 100))].slice(0, 50);
}

/** Only the members of `allowed`; unknown values are dropped rather than failing the whole view. */
function pick<T extends string>(raw: Raw, allowed: readonly T[]): T[] {
  return listOf(raw).filter((v): v is T => (allowed as readonly string[]).includes(v));
}

function single(raw: Raw): string | undefined {
  return Array.isArray(raw) ? raw[0] : raw;
}

const ZPage = z.coerce.number().int().min(1).max(100_000).catch(DEFAULT_PROJECT_LIST_PARAMS.page);
const ZPageSize = z.coerce
  .number()
  .refine((n) => (PROJECT_LIST_PAGE_SIZES as readonly number[]).includes(n))
  .catch(DEFAULT_PROJECT_LIST_PARAMS.pageSize);
const ZSort = z.enum(PROJECT_LIST_SORTS).catch(DEFAULT_PROJECT_LIST_PARAMS.sort);
const ZDir = z.enum(['asc', 'desc']).catch(DEFAULT_PROJECT_LIST_PARAMS.dir);
/** The longest search text and area name kept. */
const TEXT_PARAM_MAX = 100;

/** Parses Next's searchParams into the list's state; never throws. */
export function parseProjectListParams(searchParams: Record<string, Raw>): ProjectListParams {
  const invalid: ('q' | 'area')[] = [];
  const rawQ = single(searchParams.q);
  const q = typeof rawQ === 'string' ? queryText(rawQ, TEXT_PARAM_MAX) : { ok: true as const, value: '' };
  if (!q.ok) invalid.push('q');
  const areas = listOf(searchParams.area).flatMap((raw) => {
    const area = queryText(raw, TEXT_PARAM_MAX);
    return area.ok ? [area.value] : [];
  });
  if (areas.length < listOf(searchParams.area).length) invalid.push('area');
  return {
    page: ZPage.parse(single(searchParams.page) ?? undefined),
    pageSize: ZPageSize.parse(single(searchParams.size) ?? undefined),
    sort: ZSort.parse(single(searchParams.sort)),
    dir: ZDir.parse(single(searchParams.dir)),
    q: q.ok ? q.value : '',
    stages: pick(searchParams.stage, Object.values(Stage)),
    investorTypes: pick(searchParams.investor, Object.values(InvestorType)),
    directions: pick(searchParams.direction, Object.values(Direction)),
    departmentIds: listOf(searchParams.dept)
      .filter((v) => /^\d{1,9}$/.test(v))
      .map(Number),
    areas: [...new Set(areas)],
    warnings: pick(searchParams.warning, WARNING_LEVELS),
    hidden: pick(searchParams.hide, PROJECT_LIST_HIDEABLE_COLUMNS),
    ...(invalid.length ? { invalid } : {}),
  };
}

/**
 * The query string of a state, without defaults, so links stay short and one view has one URL.
 * `extra` carries parameters the list does not own (the plan year).
 */
export function projectListSearch(params: ProjectListParams, extra: Record<string, string> = {}): string {
  const d = DEFAULT_PROJECT_LIST_PARAMS;
  const sp = new URLSearchParams(extra);
  if (params.q) sp.set('q', params.q);
  if (params.stages.length) sp.set('stage', params.stages.join(','));
  if (params.investorTypes.length) sp.set('investor', params.investorTypes.join(','));
  if (params.directions.length) sp.set('direction', params.directions.join(','));
  if (params.departmentIds.length) sp.set('dept', params.departmentIds.join(','));
  if (params.areas.length) sp.set('area', params.areas.join(','));
  if (params.warnings.length) sp.set('warning', params.warnings.join(','));
  if (params.sort !== d.sort) sp.set('sort', params.sort);
  if (params.dir !== d.dir) sp.set('dir', params.dir);
  if (params.pageSize !== d.pageSize) sp.set('size', String(params.pageSize));
  if (params.page !== d.page) sp.set('page', String(params.page));
  if (params.hidden.length) sp.set('hide', params.hidden.join(','));
  const s = sp.toString();
  return s ? `?${s}` : '';
}
