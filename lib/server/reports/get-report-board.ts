import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { Actor } from '@/lib/auth/actor';
import {
  reportDeadline,
  summariseDepartment,
  type DepartmentReportCounts,
  type DepartmentSummary,
} from '@/lib/domain/deadlines';
import type { Db } from '@/lib/prisma';
import { departmentScope } from '@/lib/server/authorize';

/** One department's line on the board: its projects by report state, and whether it is late. */
export interface ReportBoardRow extends DepartmentReportCounts, DepartmentSummary {
  departmentId: number;
  departmentName: string;
}

export interface ReportBoard {
  year: number;
  month: number;
  /** the month departments are reporting for now: the board offers months 1 … currentMonth */
  currentMonth: number;
  /** "YYYY-MM-DD", Chongqing calendar date */
  deadline: string;
  today: string;
  /** late departments first, then by outstanding reports (most first), then in the departments' own order */
  rows: ReportBoardRow[];
  /** the same counts over every row shown */
  totals: DepartmentReportCounts & { total: number };
  lateCount: number;
}

export interface GetReportBoardOptions {
  year: number;
  /** 1 … the year's currentMonth; the current month when absent */
  month?: number;
  /** "YYYY-MM-DD" in Chongqing: the clock's (lib/server/clock.ts) in the app, a fixed day in tests */
  today: string;
}

interface CountRow {
  departmentId: number | null;
  departmentName: string | null;
  total: number;
  missing: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
}

/**
 * The who-has-not-reported board for one month of a plan year. The bureau, leaders and the administrator see every
 * department that has projects in the year; a department sees only its own line. Null when the year does not
 * exist or the month is not one departments have been asked to report yet.
 */
export async function getReportBoard(
  // a transaction too: the 催报 reads the board in the transaction that notifies (lib/server/reminders)
  db: Pick<Db, 'planYear' | '$queryRaw'>,
  actor: Actor,
  options: GetReportBoardOptions,
): Promise<ReportBoard | null> {
  const scope = departmentScope(actor, 'report.read');
  const planYear = await db.planYear.findUnique({
    where: { year: options.year },
    select: { id: true, year: true, currentMonth: true, reportDeadlineDay: true },
  });
  if (!planYear) return null;
  const month = options.month ?? planYear.currentMonth;
  if (!Number.isInteger(month) || month < 1 || month > planYear.currentMonth) return null;

  const onlyDepartment =
    scope.departmentId === undefined ? Prisma.empty : Prisma.sql`AND p."departmentId" = ${scope.departmentId}`;
  // One pass over the year's plans: a plan with no report row for the month is "missing". ROLLUP adds the
  // totals line (department id null) in the same query.
  const counted = await db.$queryRaw<CountRow[]>`
    SELECT d.id AS "departmentId", d.name AS "departmentName",
           count(*)::int AS total,
           count(*) FILTER (WHERE r.id IS NULL)::int AS missing,
           count(*) FILTER (WHERE r.status = 'DRAFT')::int AS draft,
           count(*) FILTER (WHERE r.status = 'SUBMITTED')::int AS submitted,
           count(*) FILTER (WHERE r.status = 'RETURNED')::int AS returned,
           count(*) FILTER (WHERE r.status = 'APPROVED')::int AS approved
      FROM "ProjectPlan" pp
      JOIN "Project" p ON p.id = pp."projectId"
      JOIN "Department" d ON d.id = p."departmentId"
      LEFT JOIN "MonthlyReport" r ON r."planId" = pp.id AND r.month = ${month}
     WHERE pp."planYearId" = ${planYear.id} ${onlyDepartment}
     GROUP BY ROLLUP ((d.id, d.name, d."sortOrder"))
     ORDER BY d."sortOrder" NULLS LAST, d.name COLLATE "zh-x-icu"`;

  const deadline = reportDeadline(planYear.year, month, planYear.reportDeadlineDay);
  const countsOf = (row: CountRow): DepartmentReportCounts => ({
    missing: row.missing,
    draft: row.draft,
    submitted: row.submitted,
    returned: row.returned,
    approved: row.approved,
  });

  const rows: ReportBoardRow[] = [];
  let totals: ReportBoard['totals'] = { total: 0, missing: 0, draft: 0, submitted: 0, returned: 0, approved: 0 };
  for (const row of counted) {
    if (row.departmentId === null) {
      totals = { ...countsOf(row), total: row.total };
      continue;
    }
    const counts = countsOf(row);
    rows.push({
      departmentId: row.departmentId,
      departmentName: row.departmentName ?? '',
      ...counts,
      ...summariseDepartment(counts, deadline, options.today),
    });
  }
  // Stable sort: equal rows keep the departments' own order from the query.
  rows.sort((a, b) => Number(b.late) - Number(a.late) || b.outstanding - a.outstanding);

  return {
    year: planYear.year,
    month,
    currentMonth: planYear.currentMonth,
    deadline,
    today: options.today,
    rows,
    totals,
    lateCount: rows.filter((r) => r.late).length,
  };
}
