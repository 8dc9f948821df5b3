import 'server-only';
import type { PlanYearStatus } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import type { Tx } from '@/lib/server/audit';
import { requirePermission } from '@/lib/server/authorize';

/** One month of the year: its plans by the state of their report (no report row is "missing"). */
export interface ChecklistMonth {
  month: number;
  total: number;
  missing: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
}

export interface YearEndChecklist {
  id: number;
  year: number;
  status: PlanYearStatus;
  /** months 1–12, each with its count of reports by status */
  months: ChecklistMonth[];
  /** the months not all approved */
  openMonths: number[];
  /** every plan of the year has an approved December report: the one condition the close insists on */
  decemberApproved: boolean;
  /** plans of the year without an approved December report */
  decemberOutstanding: number;
  /** the year's problems not yet 已办结 */
  openProblems: number;
  /** 完工 projects of the year without an actual completion date */
  completionsWithoutDate: { projectId: number; code: string; name: string }[];
}

/**
 * What is still open in a plan year before the bureau closes it. Only December blocks the close (closePlanYear
 * refuses it); the rest are warnings the bureau confirms. Null when the year does not exist. A transaction too:
 * the close reads December's state from here, after it locked the year.
 */
export async function getYearEndChecklist(
  db: Pick<Tx, 'planYear' | '$queryRaw'>,
  actor: Actor,
  options: { year: number },
): Promise<YearEndChecklist | null> {
  requirePermission(actor, 'planYear.close');
  const planYear = await db.planYear.findUnique({
    where: { year: options.year },
    select: { id: true, year: true, status: true },
  });
  if (!planYear) return null;

  const [rows, problems, completions] = await Promise.all([
    db.$queryRaw<ChecklistMonth[]>`
      SELECT m.month::int AS month,
             count(pp.id)::int AS total,
             count(pp.id) FILTER (WHERE r.id IS NULL)::int AS missing,
             count(*) FILTER (WHERE r.status = 'DRAFT')::int AS draft,
             count(*) FILTER (WHERE r.status = 'SUBMITTED')::int AS submitted,
             count(*) FILTER (WHERE r.status = 'RETURNED')::int AS returned,
             count(*) FILTER (WHERE r.status = 'APPROVED')::int AS approved
        FROM generate_series(1, 12) AS m(month)
        LEFT JOIN "ProjectPlan" pp ON pp."planYearId" = ${planYear.id}
        LEFT JOIN "MonthlyReport" r ON r."planId" = pp.id AND r.month = m.month
       GROUP BY m.month ORDER BY m.month`,
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Problem" WHERE "planYearId" = ${planYear.id} AND status <> 'CLOSED'`,
    db.$queryRaw<{ projectId: number; code: string; name: string }[]>`
      SELECT p.id AS "projectId", p.code, p.name
        FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
       WHERE pp."planYearId" = ${planYear.id} AND pp.stage = 'COMPLETION' AND p."actualCompletion" IS NULL
       ORDER BY p.code`,
  ]);
  const december = rows.find((m) => m.month === 12)!;
  const decemberOutstanding = december.total - december.approved;
  return {
    ...planYear,
    months: rows,
    openMonths: rows.filter((m) => m.approved < m.total).map((m) => m.month),
    decemberApproved: decemberOutstanding === 0,
    decemberOutstanding,
    openProblems: problems[0]?.n ?? 0,
    completionsWithoutDate: completions,
  };
}
