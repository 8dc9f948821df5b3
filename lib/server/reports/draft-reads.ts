import 'server-only';
/**
 * What saveReportDrafts reads, for any number of rows in one statement each: the plans with what the entry checks
 * need, and reports with the fields the trail records. Plain SQL with one array parameter (`= ANY(…)`), since an IN
 * list of 10,000 ids costs a bound parameter each; the values come back as Prisma reads them (Decimal, Date, JSON).
 */
import { Prisma } from '@/generated/prisma/client';
import type { ReportStatus, Stage } from '@/generated/prisma/enums';
import type { Tx } from '@/lib/server/audit';

export interface DraftPlan {
  id: number;
  stage: Stage;
  cumulativeBeforeYear: Prisma.Decimal;
  annualPlan: Prisma.Decimal | null;
  planYearId: number;
  project: { id: number; departmentId: number; totalInvestment: Prisma.Decimal; actualStart: Date | null };
}

export async function readPlans(tx: Tx, planIds: readonly number[]): Promise<Map<number, DraftPlan>> {
  const rows = await tx.$queryRaw<(Omit<DraftPlan, 'project'> & { projectId: number } & DraftPlan['project'])[]>`
    SELECT pp.id, pp.stage::text AS stage, pp."cumulativeBeforeYear", pp."annualPlan", pp."planYearId",
           p.id AS "projectId", p."departmentId", p."totalInvestment", p."actualStart"
      FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
     WHERE pp.id = ANY(${[...planIds]}::int[])`;
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        stage: r.stage,
        cumulativeBeforeYear: r.cumulativeBeforeYear,
        annualPlan: r.annualPlan,
        planYearId: r.planYearId,
        project: {
          id: r.projectId,
          departmentId: r.departmentId,
          totalInvestment: r.totalInvestment,
          actualStart: r.actualStart,
        },
      },
    ]),
  );
}

/** A report as the trail records it (`id` and `version` beside, not in the record). */
export interface AuditedReport {
  id: number;
  version: number;
  planId: number;
  month: number;
  investedThisMonth: Prisma.Decimal;
  progressText: string;
  problems: string;
  coordinationNeeded: string;
  nextSteps: string;
  explanation: string;
  percentComplete: Prisma.Decimal | null;
  actualStart: Date | null;
  actualCompletion: Date | null;
  blockers: string;
  readyToStart: boolean | null;
  milestoneUpdates: Prisma.JsonValue;
  flags: string[];
  status: ReportStatus;
  submittedById: number | null;
  submittedAt: Date | null;
  reviewedById: number | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
}

const AUDITED_COLUMNS =
  Prisma.raw(`id, version, "planId", month, "investedThisMonth", "progressText", problems, "coordinationNeeded",
  "nextSteps", explanation, "percentComplete", "actualStart", "actualCompletion", blockers, "readyToStart",
  "milestoneUpdates", flags, status::text AS status, "submittedById", "submittedAt", "reviewedById", "reviewedAt",
  "reviewComment"`);

/** The reports of these plans in these months. */
export function readReportsOf(tx: Tx, planIds: readonly number[], months: readonly number[]): Promise<AuditedReport[]> {
  return tx.$queryRaw<AuditedReport[]>`
    SELECT ${AUDITED_COLUMNS} FROM "MonthlyReport"
     WHERE "planId" = ANY(${[...planIds]}::int[]) AND month = ANY(${[...months]}::int[])`;
}

/** The reports of these ids. */
export function readReports(tx: Tx, ids: readonly number[]): Promise<AuditedReport[]> {
  return tx.$queryRaw<
    AuditedReport[]
  >`SELECT ${AUDITED_COLUMNS} FROM "MonthlyReport" WHERE id = ANY(${[...ids]}::int[])`;
}
