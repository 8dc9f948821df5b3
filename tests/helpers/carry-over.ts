/**
 * The carry-over's test plumbing (tests/integration/carry-over.test.ts, the authorization matrix, the property
 * seeds): a year closed the quick way, the bureau's decisions for every project of a year, and a small closed year
 * of projects of its own that touches no seeded year.
 */
import type { Db } from '@/lib/prisma';
import type { CarryOverDecision } from '@/lib/validations/carry-over';
import { approveDecember } from './closed-year-story';

/** December approved and the year CLOSED, written directly: what the close leaves, minus its snapshot. */
export async function closeDirectly(db: Db, year: number) {
  const { id } = await db.planYear.findUniqueOrThrow({ where: { year } });
  await approveDecember(db, id);
  await db.planYear.update({ where: { id }, data: { status: 'CLOSED' } });
  return id;
}

/** One decision for every project of the year, `accept` unless `overrides` says otherwise. */
export async function decisionsFor(
  db: Db,
  year: number,
  overrides: Record<number, CarryOverDecision> = {},
): Promise<{ projectId: number; decision: CarryOverDecision }[]> {
  const plans = await db.projectPlan.findMany({
    where: { planYear: { year } },
    select: { projectId: true },
    orderBy: { projectId: 'asc' },
  });
  return plans.map(({ projectId }) => ({ projectId, decision: overrides[projectId] ?? 'accept' }));
}

const SMALL_YEAR = [
  { code: 'CO-1', stage: 'ONGOING', actualCompletion: null },
  { code: 'CO-2', stage: 'COMPLETION', actualCompletion: '2036-06-30' },
  { code: 'CO-3', stage: 'PRELIMINARY', actualCompletion: null },
] as const;

/**
 * A closed year of three projects of its own (续建, 完工 and completed, 前期), each with an approved December of
 * 5 万元, made once: nothing of the seeded years moves, and the year after is free for a carry-over.
 */
export async function smallClosedYear(db: Db, year = 2036) {
  const planYear = await db.planYear.upsert({
    where: { year },
    update: { status: 'CLOSED' },
    create: { year, title: `测试${year}年计划`, approvedInvestment: '100', status: 'CLOSED' },
  });
  // any department: the property test's other actions may rename the seeded ones
  const department = await db.department.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const decisions: { projectId: number; decision: CarryOverDecision }[] = [];
  for (const p of SMALL_YEAR) {
    const code = `${p.code}-${year}`;
    const project = await db.project.upsert({
      where: { code },
      update: {},
      create: {
        code,
        name: `结转测试项目${code}`,
        departmentId: department.id,
        ownerUnit: '测试业主',
        area: '解放碑',
        buildType: 'NEW',
        scope: '测试',
        totalInvestment: '1000',
        actualCompletion: p.actualCompletion ? new Date(`${p.actualCompletion}T00:00:00Z`) : null,
      },
    });
    const plan = await db.projectPlan.upsert({
      where: { projectId_planYearId: { projectId: project.id, planYearId: planYear.id } },
      update: {},
      create: {
        projectId: project.id,
        planYearId: planYear.id,
        stage: p.stage,
        investorType: 'DISTRICT',
        direction: 'INFRASTRUCTURE',
        cumulativeBeforeYear: '10.00',
      },
    });
    await db.monthlyReport.upsert({
      where: { planId_month: { planId: plan.id, month: 12 } },
      update: {},
      create: { planId: plan.id, month: 12, status: 'APPROVED', investedThisMonth: '5', approvedInvested: '5' },
    });
    decisions.push({ projectId: project.id, decision: 'accept' });
  }
  return { planYearId: planYear.id, decisions };
}
