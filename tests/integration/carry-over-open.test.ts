/**
 * Issue 19, item 2: the bureau opens 2026 from the closed 2025. The decisions it confirms become 2026's plans (the
 * stage accepted, changed or dropped), each with the cumulative figure the database computes from 2025's approved
 * months whatever the client sends, in the existing 2026 when it has no carried plans yet; a list that misses a
 * project or names one 2025 does not have, a second carry-over, and a failure half-way all leave everything as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../helpers/actors';
import { closeDirectly, decisionsFor } from '../helpers/carry-over';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let carry: typeof import('@/lib/actions/carry-over');
let y2025: number;

async function state() {
  const [years, plans, audits] = await Promise.all([
    t.db.planYear.findMany({ orderBy: { year: 'asc' }, select: { year: true, status: true, updatedAt: true } }),
    t.db.projectPlan.count(),
    t.db.auditLog.count(),
  ]);
  return JSON.stringify({ years, plans, audits });
}

/** The next year's cumulative figure of each 2025 project, by a query of its own (a join and a GROUP BY). */
async function expectedCumulative() {
  const rows = await t.db.$queryRaw<{ projectId: number; total: string }[]>`
    SELECT pp."projectId", (pp."cumulativeBeforeYear" + COALESCE(sum(r."approvedInvested"), 0))::text AS total
      FROM "ProjectPlan" pp LEFT JOIN "MonthlyReport" r ON r."planId" = pp.id
     WHERE pp."planYearId" = ${y2025} GROUP BY pp.id`;
  return new Map(rows.map((r) => [r.projectId, r.total]));
}

/** The first 2025 project of a stage that is not completed (so that it is proposed to carry). */
const openOf = async (stage: 'ONGOING' | 'PRELIMINARY', skip = 0) =>
  (
    await t.db.projectPlan.findMany({
      where: { planYearId: y2025, stage, project: { actualCompletion: null } },
      orderBy: { projectId: 'asc' },
      skip,
      take: 1,
    })
  )[0]!.projectId;

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  carry = await import('@/lib/actions/carry-over');
  y2025 = await closeDirectly(t.db, 2025);
});

afterAll(async () => t?.drop());

describe('refusals that write nothing', () => {
  it('refuses a stale list (a project 2025 does not have) and an incomplete one, with the count', async () => {
    await signIn(t.db, 'bureau');
    const before = await state();
    const all = await decisionsFor(t.db, 2025);
    const foreign = await t.db.project.create({
      data: {
        code: 'NOT-2025',
        name: '不在2025年的项目',
        departmentId: (await t.db.department.findFirstOrThrow()).id,
        ownerUnit: '业主',
        area: '解放碑',
        buildType: 'NEW',
        scope: '—',
        totalInvestment: '1',
      },
    });
    const fromBefore = await state();
    expect(
      await carry.openNextPlanYear({
        fromYear: 2025,
        decisions: [...all, { projectId: foreign.id, decision: 'accept' }],
      }),
    ).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '页面已过期：有1个项目不属于2025年度计划，请刷新页面后重试',
    });
    expect(await carry.openNextPlanYear({ fromYear: 2025, decisions: all.slice(2) })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '还有2个2025年度项目没有结转选择，请刷新页面后重试',
    });
    const twice = await carry.openNextPlanYear({ fromYear: 2025, decisions: [...all, all[0]!] });
    expect(twice).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { decisions: ['同一项目只能有一个结转选择'] },
    });
    expect(await state()).toBe(fromBefore);
    await t.db.project.delete({ where: { id: foreign.id } });
    expect(await state()).toBe(before);
  });

  it('leaves nothing half-written when a plan fails to insert (no 2026, no plan, no audit line)', async () => {
    const victim = await openOf('ONGOING', 3);
    await t.db.$executeRawUnsafe(`
      CREATE FUNCTION carry_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."projectId" = ${victim} THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await t.db.$executeRawUnsafe(
      `CREATE TRIGGER carry_fail BEFORE INSERT ON "ProjectPlan" FOR EACH ROW EXECUTE FUNCTION carry_fail()`,
    );
    try {
      await signIn(t.db, 'bureau');
      const before = await state();
      const result = await carry.openNextPlanYear({ fromYear: 2025, decisions: await decisionsFor(t.db, 2025) });
      expect(result).toMatchObject({ ok: false, code: 'INTERNAL' });
      expect(await state()).toBe(before);
      expect(await t.db.planYear.findUnique({ where: { year: 2026 } })).toBeNull();
    } finally {
      await t.db.$executeRawUnsafe(`DROP TRIGGER carry_fail ON "ProjectPlan"`);
      await t.db.$executeRawUnsafe(`DROP FUNCTION carry_fail()`);
    }
  });
});

describe('opening 2026', () => {
  it('fills the existing empty 2026 with the chosen stages and the computed cumulative figures', async () => {
    const changed = await openOf('ONGOING');
    const dropped = await openOf('ONGOING', 1);
    const heldBack = await openOf('PRELIMINARY');
    // the administrator made 2026 already, without plans: the carry-over fills it
    const y2026 = await t.db.planYear.create({
      data: { year: 2026, title: '渝中区2026年重点项目计划', approvedInvestment: '2500000' },
    });
    await signIn(t.db, 'bureau');
    const decisions = await decisionsFor(t.db, 2025, { [changed]: 'COMPLETION', [dropped]: 'drop' });
    // a figure slipped in by the client is not an input: the database computes it
    const sent = decisions.map((d) => (d.projectId === heldBack ? { ...d, cumulativeBeforeYear: '999999' } : d));
    const result = await carry.openNextPlanYear({ fromYear: 2025, decisions: sent });
    expect(result).toMatchObject({ ok: true, data: { year: 2026, planYearId: y2026.id, created: false } });

    const { getCarryOverProposal } = await import('@/lib/server/plan/get-carry-over-proposal');
    const { actorOf } = await import('../helpers/actors');
    const view = (await getCarryOverProposal(t.db, await actorOf(t.db, 'bureau'), { year: 2025 }))!;
    const proposed = new Map(view.rows.map((r) => [r.projectId, r.proposal.stage]));
    const expectedStage = new Map(
      [...proposed].map(([id, stage]) => [id, id === changed ? 'COMPLETION' : id === dropped ? null : stage]),
    );
    const plans = await t.db.projectPlan.findMany({ where: { planYearId: y2026.id } });
    const carried = [...expectedStage].filter(([, stage]) => stage !== null);
    expect(new Map(plans.map((pl) => [pl.projectId, pl.stage]))).toEqual(new Map(carried));
    const cumulative = await expectedCumulative();
    for (const plan of plans) {
      expect(plan.cumulativeBeforeYear.toFixed(2), `project ${plan.projectId}`).toBe(cumulative.get(plan.projectId));
      expect(plan.annualPlan).toBeNull();
    }
    // identity and history kept: the same project rows, now with a plan in each year; investor and direction carried
    const old = await t.db.projectPlan.findUniqueOrThrow({
      where: { projectId_planYearId: { projectId: changed, planYearId: y2025 } },
    });
    const next = plans.find((pl) => pl.projectId === changed)!;
    expect([next.investorType, next.direction]).toEqual([old.investorType, old.direction]);
    // (a project under way before 2025 also has its plan in the demo's 2024)
    const years = await t.db.projectPlan.findMany({
      where: { projectId: changed },
      select: { planYear: { select: { year: true } } },
    });
    expect(years.map((y) => y.planYear.year)).toEqual(expect.arrayContaining([2025, 2026]));
    expect(result.ok && result.data).toMatchObject({
      carried: carried.length,
      dropped: proposed.size - carried.length,
    });

    // one audit line per plan and the summary
    const lines = await t.db.auditLog.findMany({
      where: { action: { in: ['projectPlan.carryOver', 'planYear.carryOver'] } },
    });
    expect(lines.filter((l) => l.action === 'projectPlan.carryOver')).toHaveLength(carried.length);
    expect(lines.find((l) => l.action === 'planYear.carryOver')?.after).toMatchObject({
      fromYear: 2025,
      year: 2026,
      carried: carried.length,
    });
  });

  it('refuses a second carry-over into 2026, and writes nothing', async () => {
    const before = await state();
    const count = await t.db.projectPlan.count({ where: { planYear: { year: 2026 } } });
    expect(await carry.openNextPlanYear({ fromYear: 2025, decisions: await decisionsFor(t.db, 2025) })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: `2026年度已有${count}个从2025年度结转的项目计划，不能重复结转`,
    });
    expect(await state()).toBe(before);
  });

  it('makes the next year when it does not exist, titled after the closed one', async () => {
    // 2026 closed as well (quickly), then carried into a 2027 that does not exist yet
    await t.db.monthlyReport.deleteMany({ where: { plan: { planYear: { year: 2026 } } } });
    await closeDirectly(t.db, 2026);
    await t.db.planYear.update({ where: { year: 2026 }, data: { title: '渝中区2026年重点项目计划' } });
    const result = await carry.openNextPlanYear({ fromYear: 2026, decisions: await decisionsFor(t.db, 2026) });
    expect(result).toMatchObject({ ok: true, data: { year: 2027, created: true } });
    expect(await t.db.planYear.findUniqueOrThrow({ where: { year: 2027 } })).toMatchObject({
      title: '渝中区2027年重点项目计划',
      status: 'DRAFT',
    });
  });
});
