import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { defaultPlanYear, listPlanYears, type PlanYearSummary } from './list-plan-years';

export interface ResolvedPlanYear {
  /** every plan year, newest first */
  years: PlanYearSummary[];
  /** the year asked for, or the default one; null when no plan year exists at all */
  year: number | null;
}

/**
 * The plan year a page, a download or an API call asks for with `?year=`: none asked (absent or empty) means the
 * default year (the one departments report against, else the latest); otherwise it must be a four-digit year that
 * exists. Null when the request names no plan year, which the caller answers as not found.
 */
export async function resolvePlanYear(db: Db, actor: Actor, requested: unknown): Promise<ResolvedPlanYear | null> {
  const years = await listPlanYears(db, actor);
  if (requested === undefined || requested === null || requested === '') return { years, year: defaultPlanYear(years) };
  const year =
    typeof requested === 'number'
      ? requested
      : typeof requested === 'string' && /^\d{4}$/.test(requested)
        ? Number(requested)
        : null;
  return year !== null && years.some((y) => y.year === year) ? { years, year } : null;
}
