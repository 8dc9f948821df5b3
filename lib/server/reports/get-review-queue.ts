import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { ProblemSourceField, ReportStatus, Stage } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import { problemSlug } from '@/lib/domain/problems/numbering';
import type { ReportFlagCode } from '@/lib/domain/report-checks';

/** A stored flag: an entry-check warning (cumulativeAboveTotal included, since it no longer refuses). */
export type StoredFlag = ReportFlagCode;
import type { Db } from '@/lib/prisma';
import { departmentScope } from '@/lib/server/authorize';
import { NotFoundError } from '@/lib/server/errors';

export interface ReviewQueueFilter {
  year?: number;
  month?: number;
  departmentId?: number;
  /** default SUBMITTED: what waits for the bureau */
  status?: ReportStatus;
  flag?: StoredFlag;
  /** only reports carrying any flag */
  flagged?: boolean;
}

export interface ReviewQueueRow {
  reportId: number;
  version: number;
  status: ReportStatus;
  projectId: number;
  code: string;
  name: string;
  departmentName: string;
  stage: Stage;
  /** 万元, exact strings */
  invested: string;
  previousInvested: string | null;
  annualPlan: string | null;
  /** this year's reports through this month, as reported (any status) */
  ytd: string;
  /** ytd ÷ annual plan × 100; null without a plan */
  ratePercent: string | null;
  flags: StoredFlag[];
  /** 情况说明: the department's reason for a flagged figure */
  explanation: string;
  progressText: string;
  previousProgressText: string | null;
  problems: string;
  coordinationNeeded: string;
  reviewComment: string | null;
  submittedAt: Date | null;
  /** approved versions kept by reopening: the report has been restated */
  revisions: number;
  /** 协调问题 already raised from this report's texts (the review queue's one click), oldest first */
  raisedProblems: RaisedProblem[];
}

export interface RaisedProblem {
  field: ProblemSourceField;
  number: string;
  /** the URL form, e.g. "2025-27" */
  slug: string;
}

export interface ReviewQueue {
  year: number;
  month: number;
  currentMonth: number;
  rows: ReviewQueueRow[];
  departments: { id: number; name: string }[];
  /** reports of the month by status, within the department filter */
  counts: Partial<Record<ReportStatus, number>>;
}

interface RaisedRow {
  field: ProblemSourceField;
  number: string;
  year: number;
  seq: number;
}

/** The bureau's queue: a month's reports, each beside the previous month and the project's plan, in one query. */
export async function getReviewQueue(db: Db, actor: Actor, filter: ReviewQueueFilter): Promise<ReviewQueue> {
  const scope = departmentScope(actor, 'report.review');
  const planYear = await db.planYear.findFirst({
    where: filter.year ? { year: filter.year } : { status: 'ACTIVE' },
    orderBy: { year: 'desc' },
    select: { id: true, year: true, currentMonth: true },
  });
  if (!planYear) throw new NotFoundError('planYear');
  const month = filter.month ?? planYear.currentMonth;
  const status = filter.status ?? 'SUBMITTED';

  const where: Prisma.Sql[] = [Prisma.sql`pp."planYearId" = ${planYear.id}`, Prisma.sql`r.month = ${month}`];
  if (scope.departmentId !== undefined) where.push(Prisma.sql`p."departmentId" = ${scope.departmentId}`);
  if (filter.departmentId) where.push(Prisma.sql`p."departmentId" = ${filter.departmentId}`);
  const countWhere = Prisma.join(where, ' AND ');
  where.push(Prisma.sql`r.status = ${status}::"ReportStatus"`);
  if (filter.flag) where.push(Prisma.sql`${filter.flag} = ANY(r.flags)`);
  if (filter.flagged) where.push(Prisma.sql`cardinality(r.flags) > 0`);

  const [rows, counts, departments] = await Promise.all([
    db.$queryRaw<(Omit<ReviewQueueRow, 'revisions' | 'raisedProblems'> & { revisions: bigint; raised: RaisedRow[] })[]>`
      SELECT r.id AS "reportId", r.version, r.status, p.id AS "projectId", p.code, p.name, d.name AS "departmentName",
             pp.stage, r."investedThisMonth"::text AS invested, prev."investedThisMonth"::text AS "previousInvested",
             pp."annualPlan"::text AS "annualPlan", y.amount::text AS ytd,
             CASE WHEN pp."annualPlan" > 0 THEN (y.amount * 100 / pp."annualPlan")::text END AS "ratePercent",
             COALESCE(r.flags, '{}') AS flags, r."progressText", prev."progressText" AS "previousProgressText",
             r.explanation, r.problems, r."coordinationNeeded", r."reviewComment", r."submittedAt",
             (SELECT count(*) FROM "MonthlyReportRevision" rv WHERE rv."reportId" = r.id) AS revisions,
             (SELECT COALESCE(json_agg(json_build_object('field', pr."sourceField", 'number', pr.number,
                                                         'year', py.year, 'seq', pr.seq) ORDER BY pr.id), '[]')
                FROM "Problem" pr JOIN "PlanYear" py ON py.id = pr."planYearId"
               WHERE pr."sourceReportId" = r.id) AS raised
        FROM "MonthlyReport" r
        JOIN "ProjectPlan" pp ON pp.id = r."planId"
        JOIN "Project" p ON p.id = pp."projectId"
        JOIN "Department" d ON d.id = p."departmentId"
        LEFT JOIN "MonthlyReport" prev ON prev."planId" = r."planId" AND prev.month = r.month - 1
        CROSS JOIN LATERAL (
          SELECT COALESCE(sum(x."investedThisMonth"), 0)::numeric(18, 2) AS amount FROM "MonthlyReport" x
           WHERE x."planId" = r."planId" AND x.month <= r.month
        ) y
       WHERE ${Prisma.join(where, ' AND ')}
       ORDER BY cardinality(r.flags) DESC, d.name, r."submittedAt" NULLS LAST, r.id`,
    db.$queryRaw<{ status: ReportStatus; n: bigint }[]>`
      SELECT r.status, count(*) AS n
        FROM "MonthlyReport" r
        JOIN "ProjectPlan" pp ON pp.id = r."planId"
        JOIN "Project" p ON p.id = pp."projectId"
       WHERE ${countWhere}
       GROUP BY r.status`,
    db.department.findMany({
      where: scope.departmentId !== undefined ? { id: scope.departmentId } : {},
      orderBy: { sortOrder: 'asc' },
      select: { id: true, name: true },
    }),
  ]);

  return {
    year: planYear.year,
    month,
    currentMonth: planYear.currentMonth,
    rows: rows.map(({ raised, ...r }) => ({
      ...r,
      flags: r.flags as StoredFlag[],
      revisions: Number(r.revisions),
      raisedProblems: raised.map((p) => ({ field: p.field, number: p.number, slug: problemSlug(p.year, p.seq) })),
    })),
    departments,
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
  };
}
