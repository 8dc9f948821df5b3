import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { NotFoundError } from '@/lib/server/errors';
import type { WriteContext } from '@/lib/server/write-context';

/** What a department enters in a month's report, and the flags its checks raised: the form's fields. */
export const REPORT_CONTENT = {
  investedThisMonth: true,
  progressText: true,
  percentComplete: true,
  actualStart: true,
  actualCompletion: true,
  problems: true,
  coordinationNeeded: true,
  nextSteps: true,
  explanation: true,
  blockers: true,
  readyToStart: true,
  milestoneUpdates: true,
  flags: true,
} as const satisfies Prisma.MonthlyReportSelect;

/** A report as the workflow's transitions read it: the row, its project and its plan year. */
export const LOADED = {
  id: true,
  version: true,
  status: true,
  month: true,
  ...REPORT_CONTENT,
  approvedInvested: true,
  submittedById: true,
  submittedAt: true,
  reviewedById: true,
  reviewedAt: true,
  reviewComment: true,
  plan: {
    select: {
      project: {
        select: {
          id: true,
          name: true,
          departmentId: true,
          actualStart: true,
          actualCompletion: true,
          department: { select: { name: true } },
        },
      },
      planYear: { select: { id: true, year: true } },
    },
  },
} as const satisfies Prisma.MonthlyReportSelect;

export type LoadedReport = Prisma.MonthlyReportGetPayload<{ select: typeof LOADED }>;

/**
 * Loads the reports the user acted on and authorizes every one before anything else is looked at: one report of
 * another department refuses the batch exactly like a missing id.
 */
export async function loadAuthorized<I>(ctx: WriteContext<I>, ids: readonly number[]): Promise<LoadedReport[]> {
  const rows = await ctx.tx.monthlyReport.findMany({ where: { id: { in: [...ids] } }, select: LOADED });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const report = byId.get(id);
    const owner: { departmentId: number } | null = report ? { departmentId: report.plan.project.departmentId } : null;
    ctx.authorize(owner, 'report');
    if (!report) throw new NotFoundError('report');
    return report;
  });
}
