import 'server-only';
import type { PlanYearStatus } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';

export interface DashboardYear {
  year: number;
  /** the year's reporting month; the dashboard shows the month before it by default (`rollupMonth`) */
  currentMonth: number;
  status: PlanYearStatus;
}

/**
 * The plan year a dashboard shows: the one asked for, else the ACTIVE one (a dashboard has no figures for a year
 * nobody reports against). Null when there is none. Which years exist is public to every signed-in role, like
 * `listPlanYears`; what the actor may see inside the year is decided by the rollup and attention functions.
 */
export async function getDashboardYear(
  db: Db,
  _actor: Actor,
  options: { year?: number },
): Promise<DashboardYear | null> {
  return db.planYear.findFirst({
    where: options.year ? { year: options.year } : { status: 'ACTIVE' },
    orderBy: { year: 'desc' },
    select: { year: true, currentMonth: true, status: true },
  });
}
