import 'server-only';
import type { Db } from '@/lib/prisma';
import type { Actor } from '@/lib/auth/actor';
import type { PlanYearStatus } from '@/generated/prisma/enums';

export interface PlanYearSummary {
  year: number;
  title: string;
  status: PlanYearStatus;
  /** the month departments are reporting for now; the months before it are past (the bureau's backfill) */
  currentMonth: number;
}

/**
 * Plan years, newest first. Every signed-in role may see which years exist (the plan itself is public); what a
 * user may see inside a year is decided by the functions that read it.
 */
export async function listPlanYears(db: Db, _actor: Actor): Promise<PlanYearSummary[]> {
  return db.planYear.findMany({
    select: { year: true, title: true, status: true, currentMonth: true },
    orderBy: { year: 'desc' },
  });
}

/** The year a page shows when none is asked for: the one departments report against, else the latest. */
export function defaultPlanYear(years: readonly PlanYearSummary[]): number | null {
  return (years.find((y) => y.status === 'ACTIVE') ?? years[0])?.year ?? null;
}
