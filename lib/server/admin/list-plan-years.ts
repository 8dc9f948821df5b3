import 'server-only';
import type { PlanYearStatus } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { requirePermission } from '@/lib/server/authorize';

export interface AdminPlanYearRow {
  id: number;
  year: number;
  title: string;
  /** 万元, exact */
  approvedInvestment: string;
  status: PlanYearStatus;
  currentMonth: number;
  reportDeadlineDay: number;
  projectCount: number;
}

/** Every plan year with its reporting settings, newest first. */
export async function listPlanYearsForAdmin(db: Db, actor: Actor): Promise<AdminPlanYearRow[]> {
  requirePermission(actor, 'planYear.manage');
  const rows = await db.planYear.findMany({
    select: {
      id: true,
      year: true,
      title: true,
      approvedInvestment: true,
      status: true,
      currentMonth: true,
      reportDeadlineDay: true,
      _count: { select: { plans: true } },
    },
    orderBy: { year: 'desc' },
  });
  return rows.map(({ _count, approvedInvestment, ...planYear }) => ({
    ...planYear,
    approvedInvestment: approvedInvestment.toFixed(2),
    projectCount: _count.plans,
  }));
}
