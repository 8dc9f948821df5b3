import type { Actor } from '@/lib/auth/actor';
import { reconcile, TOTAL_KEY, type ActualGroup, type PublishedFigure } from '@/lib/domain/reconcile';
import type { PlanReconciliation, ReconciliationLine } from '@/lib/domain/reconciliation';
import type { Db } from '@/lib/prisma';
import { getRollup } from '@/lib/server/dashboard/get-rollup';

type PlanFigureRow = {
  cut: PublishedFigure['cut'];
  key: string;
  projectCount: number | null;
  amount: { toFixed(digits: number): string } | null;
  sharePercent: { toString(): string } | null;
};

const publishedFigure = (f: PlanFigureRow): PublishedFigure => ({
  cut: f.cut,
  key: f.key,
  projectCount: f.projectCount,
  amount: f.amount?.toFixed(2) ?? null,
  // the report prints shares with at most one decimal; "27.00" in the column reads as "27"
  sharePercent: f.sharePercent?.toString() ?? null,
});

/**
 * The plan year's published figures beside the same figures summed in the database. Sums are done by
 * PostgreSQL on numeric columns and travel as decimal strings, so nothing is ever rounded through a float.
 * (Not marked server-only: `npm run plan:check` uses it from the command line.)
 */
export async function getPlanReconciliation(
  db: Db,
  _actor: Actor | null, // every signed-in role may read the district plan; kept for the access layer
  year: number,
): Promise<PlanReconciliation | null> {
  const planYear = await db.planYear.findUnique({
    where: { year },
    select: { id: true, year: true, title: true, approvedInvestment: true, figures: true },
  });
  if (!planYear) return null;

  // TOTAL, INVESTOR and DIRECTION cover construction projects only, as the report's figures do; STAGE covers all.
  const groups = await db.$queryRaw<{ cut: ActualGroup['cut']; key: string; projectCount: number; amount: string }[]>`
    SELECT 'TOTAL' AS cut, ${TOTAL_KEY} AS key, count(*)::int AS "projectCount", COALESCE(sum("annualPlan"), 0)::text AS amount
      FROM "ProjectPlan" WHERE "planYearId" = ${planYear.id} AND stage <> 'PRELIMINARY'
    UNION ALL
    SELECT 'STAGE', stage::text, count(*)::int, COALESCE(sum("annualPlan"), 0)::text
      FROM "ProjectPlan" WHERE "planYearId" = ${planYear.id} GROUP BY stage
    UNION ALL
    SELECT 'INVESTOR', "investorType"::text, count(*)::int, COALESCE(sum("annualPlan"), 0)::text
      FROM "ProjectPlan" WHERE "planYearId" = ${planYear.id} AND stage <> 'PRELIMINARY' GROUP BY "investorType"
    UNION ALL
    SELECT 'DIRECTION', direction::text, count(*)::int, COALESCE(sum("annualPlan"), 0)::text
      FROM "ProjectPlan" WHERE "planYearId" = ${planYear.id} AND stage <> 'PRELIMINARY' GROUP BY direction`;

  const [totals] = await db.$queryRaw<{ projectCount: number; totalInvestment: string }[]>`
    SELECT count(*)::int AS "projectCount", COALESCE(sum(p."totalInvestment"), 0)::text AS "totalInvestment"
      FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
     WHERE pp."planYearId" = ${planYear.id}`;

  const lines = reconcile(planYear.figures.map(publishedFigure), groups);
  return {
    year: planYear.year,
    title: planYear.title,
    approvedInvestment: planYear.approvedInvestment.toFixed(2),
    projectCount: totals?.projectCount ?? 0,
    totalInvestment: totals?.totalInvestment ?? '0',
    lines,
    matches: lines.length > 0 && lines.every((l) => l.matches),
  };
}

/**
 * The published figures beside the dashboard's own cuts (getRollup: what the dashboard, the JSON API and the
 * bulletins show), so a rollup that counts otherwise than the plan report (e.g. 前期 projects inside an investor
 * type) fails `npm run plan:check` too. Counts and annual plans do not depend on the month.
 */
export async function getRollupReconciliation(
  db: Db,
  actor: Actor,
  year: number,
): Promise<{ lines: ReconciliationLine[]; matches: boolean } | null> {
  const [planYear, rollup] = await Promise.all([
    db.planYear.findUnique({ where: { year }, select: { figures: true } }),
    getRollup(db, actor, { year, basis: 'approved' }),
  ]);
  if (!planYear || !rollup) return null;
  const group = (cut: ActualGroup['cut'], c: { key: string; count: number; annualPlan: string }): ActualGroup => ({
    cut,
    key: c.key,
    projectCount: c.count,
    amount: c.annualPlan,
  });
  const groups: ActualGroup[] = [
    group('TOTAL', { key: TOTAL_KEY, ...rollup.construction }),
    ...rollup.byStage.map((c) => group('STAGE', c)),
    ...rollup.byInvestor.map((c) => group('INVESTOR', c)),
    ...rollup.byDirection.map((c) => group('DIRECTION', c)),
  ];
  const lines = reconcile(planYear.figures.map(publishedFigure), groups);
  return { lines, matches: lines.length > 0 && lines.every((l) => l.matches) };
}
