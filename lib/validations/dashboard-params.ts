import type { RollupBasis } from '@/lib/server/dashboard/get-rollup';

type Query = Record<string, string | string[] | undefined>;
const first = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw);

/** The dashboard's URL state: ?year=2025&month=10&basis=submitted. Anything malformed falls back to the default. */
export function dashboardParams(query: Query): { year?: number; month?: number; basis: RollupBasis } {
  const year = first(query.year);
  const month = first(query.month);
  return {
    year: year && /^\d{4}$/.test(year) ? Number(year) : undefined,
    month: month && /^(1[0-2]|[1-9])$/.test(month) ? Number(month) : undefined,
    basis: first(query.basis) === 'submitted' ? 'submitted' : 'approved',
  };
}

export function dashboardHref(path: string, state: { year: number; month: number; basis: RollupBasis }): string {
  const sp = new URLSearchParams({ year: String(state.year), month: String(state.month) });
  if (state.basis === 'submitted') sp.set('basis', 'submitted');
  return `${path}?${sp.toString()}`;
}
