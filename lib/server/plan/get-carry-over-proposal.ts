import 'server-only';
import type { PlanYearStatus, Stage } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import { closedThrough } from '@/lib/domain/closed-years';
import { proposeCarryOver, type CarryOverProposal } from '@/lib/domain/carry-over';
import type { Tx } from '@/lib/server/audit';
import { requirePermission } from '@/lib/server/authorize';
import { ConflictError } from '@/lib/server/errors';

/** One project of the closed year: the facts the proposal reads, the proposal, and what it would carry. */
export interface CarryOverRow {
  projectId: number;
  code: string;
  name: string;
  department: string;
  /** its stage in the closed year */
  stage: Stage;
  /** YYYY-MM-DD or null */
  actualCompletion: string | null;
  /** the latest approved report said so, or the construction permit was obtained by 31 December */
  readyToStart: boolean;
  /** 万元, two decimals */
  totalInvestment: string;
  /** the closed year's own 截至上年底累计 */
  cumulativeBeforeYear: string;
  /** the closed year's approved monthly figures, summed */
  yearApproved: string;
  /** the next year's cumulativeBeforeYear: the two above, added in SQL */
  nextCumulative: string;
  proposal: CarryOverProposal;
}

export interface CarryOverProposalView {
  fromYear: number;
  toYear: number;
  /** the next year as it stands: null when it does not exist yet */
  target: { id: number; status: PlanYearStatus; carried: number } | null;
  rows: CarryOverRow[];
}

type FactsRow = Omit<CarryOverRow, 'proposal'>;

/**
 * Every project of the year with its facts, in SQL: the money as exact numeric text, readyToStart as the rollup
 * counts it (lib/server/dashboard/get-rollup.ts) but from approved reports only, the year being closed. The
 * approved figure of a month is `approvedInvested` (kept while a reopened report is corrected), as every official
 * rollup reads it.
 */
export async function carryOverFacts(db: Pick<Tx, '$queryRaw'>, planYearId: number, year: number) {
  const through = closedThrough(year);
  return db.$queryRaw<FactsRow[]>`
    SELECT p.id AS "projectId", p.code, p.name, d.name AS department, pp.stage,
           to_char(p."actualCompletion", 'YYYY-MM-DD') AS "actualCompletion",
           (EXISTS (SELECT 1 FROM "PreliminaryMilestone" pm
                     WHERE pm."projectId" = p.id AND pm.kind = 'CONSTRUCTION_PERMIT' AND pm.status = 'DONE'
                       AND pm."actualDate" <= ${through}::date)
            OR (SELECT r."readyToStart" FROM "MonthlyReport" r
                 WHERE r."planId" = pp.id AND r.status = 'APPROVED' AND r."readyToStart" IS NOT NULL
                 ORDER BY r.month DESC LIMIT 1) IS TRUE) AS "readyToStart",
           p."totalInvestment"::text AS "totalInvestment",
           pp."cumulativeBeforeYear"::text AS "cumulativeBeforeYear",
           a.approved::numeric(18, 2)::text AS "yearApproved",
           (pp."cumulativeBeforeYear" + a.approved)::numeric(18, 2)::text AS "nextCumulative"
      FROM "ProjectPlan" pp
      JOIN "Project" p ON p.id = pp."projectId"
      JOIN "Department" d ON d.id = p."departmentId"
      CROSS JOIN LATERAL (SELECT COALESCE(sum(r."approvedInvested"), 0) AS approved
                            FROM "MonthlyReport" r WHERE r."planId" = pp.id) a
     WHERE pp."planYearId" = ${planYearId}
     ORDER BY p.code, p.id`;
}

/**
 * The carry-over wizard's table (issue 19, item 2): each project of a closed year, what Keystone proposes for the
 * next one and why (lib/domain/carry-over.ts), and the cumulative figure it would carry. Null when the year does
 * not exist; refused while it is not closed, since its figures could still move.
 */
export async function getCarryOverProposal(
  db: Pick<Tx, 'planYear' | 'projectPlan' | '$queryRaw'>,
  actor: Actor,
  options: { year: number },
): Promise<CarryOverProposalView | null> {
  requirePermission(actor, 'planYear.carryOver');
  const from = await db.planYear.findUnique({ where: { year: options.year }, select: { id: true, status: true } });
  if (!from) return null;
  if (from.status !== 'CLOSED') throw new ConflictError('carryOver.errors.notClosed', { year: String(options.year) });
  const toYear = options.year + 1;
  const [facts, next] = await Promise.all([
    carryOverFacts(db, from.id, options.year),
    db.planYear.findUnique({ where: { year: toYear }, select: { id: true, status: true } }),
  ]);
  const carried = next
    ? await db.projectPlan.count({
        where: { planYearId: next.id, project: { plans: { some: { planYearId: from.id } } } },
      })
    : 0;
  return {
    fromYear: options.year,
    toYear,
    target: next ? { ...next, carried } : null,
    rows: facts.map((f) => ({ ...f, proposal: proposeCarryOver(options.year, f) })),
  };
}
