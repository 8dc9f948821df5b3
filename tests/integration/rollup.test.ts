/**
 * The district rollup against the published plan and against direct SQL sums over the same tables: every cut the
 * dashboard, the bulletin and the API show must be the same exact figure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { actorOf } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let getRollup: typeof import('@/lib/server/dashboard/get-rollup').getRollup;
let getProjectFigures: typeof import('@/lib/server/dashboard/get-project-figures').getProjectFigures;
let leader: Actor;

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  leader = await actorOf(t.db, 'leader');
  ({ getRollup } = await import('@/lib/server/dashboard/get-rollup'));
  ({ getProjectFigures } = await import('@/lib/server/dashboard/get-project-figures'));
}, 120_000);

afterAll(async () => {
  await t.drop();
});

async function sqlSum(where: string, month: number, year = 2025): Promise<string> {
  const [row] = await t.db.$queryRawUnsafe<{ s: string }[]>(
    `SELECT COALESCE(sum(r."investedThisMonth"), 0)::numeric(18,2)::text AS s
       FROM "MonthlyReport" r JOIN "ProjectPlan" pp ON pp.id = r."planId" JOIN "Project" p ON p.id = pp."projectId"
       JOIN "PlanYear" y ON y.id = pp."planYearId"
      WHERE r.status = 'APPROVED' AND r.month <= $1 AND y.year = $2 ${where}`,
    month,
    year,
  );
  return row!.s;
}

describe('getRollup', () => {
  it('reproduces the published plan: 421 projects, 247.8亿元, and the stage counts', async () => {
    const r = (await getRollup(t.db, leader, { year: 2025, month: 10 }))!;
    expect(r.projectCount).toBe(421);
    expect(r.annualPlan).toBe('2478000.00');
    expect(Object.fromEntries(r.byStage.map((s) => [s.key, s.count]))).toEqual({
      COMPLETION: 86,
      ONGOING: 54,
      NEW_START: 126,
      PRELIMINARY: 155,
    });
    expect(r.byStage.find((s) => s.key === 'PRELIMINARY')!.percent).toBeNull();
  });

  it('sums approved reports of months 1…N exactly as a direct SQL sum does, in every cut', async () => {
    const r = (await getRollup(t.db, leader, { year: 2025, month: 10 }))!;
    expect(r.completed).toBe(await sqlSum('', 10));
    for (const d of r.byDepartment)
      expect(d.completed, d.label).toBe(await sqlSum(`AND p."departmentId" = ${d.key}`, 10));
    for (const s of r.byStage) expect(s.completed).toBe(await sqlSum(`AND pp.stage = '${s.key}'`, 10));
    const sum = (xs: { completed: string }[]) => xs.reduce((a, x) => a + Math.round(Number(x.completed) * 100), 0);
    const total = Math.round(Number(r.completed) * 100);
    for (const cuts of [r.byStage, r.byInvestor, r.byDirection, r.byDepartment, r.byArea])
      expect(sum(cuts)).toBe(total);
    expect(r.monthly.slice(0, 10).reduce((a, m) => a + Math.round(Number(m.actual) * 100), 0)).toBe(total);
    expect(r.monthly[10]!.actual).toBeNull();
  });

  it('gives 序时进度 and the gap in points', async () => {
    const r = (await getRollup(t.db, leader, { year: 2025, month: 10 }))!;
    expect(r.pacePercent).toBe('83.33');
    expect(r.percentOfPlan).toBe((Math.round((Number(r.completed) / 2478000) * 10000) / 100).toFixed(2));
    // the gap from the unrounded figures, rounded once (lib/domain/pace.ts): in integer arithmetic on cents,
    // (completed × 1200 − plan × 1000) ÷ (plan × 12) points = completed ÷ plan × 100 − 10 ÷ 12 × 100
    const cents = (wan: string) => BigInt(Math.round(Number(wan) * 100));
    const [done, plan] = [cents(r.completed), cents(r.annualPlan)];
    const num = (done * 1200n - plan * 1000n) * 10n; // tenths of a point, over plan × 12
    const abs = num < 0n ? -num : num;
    const tenths = (abs * 2n + plan * 12n) / (plan * 24n); // half up, away from zero
    expect(r.gapPoints).toBe(`${num < 0n && tenths > 0n ? '-' : ''}${(Number(tenths) / 10).toFixed(1)}`);
  });

  it('counts submitted reports only on the labelled basis', async () => {
    const official = (await getRollup(t.db, leader, { year: 2025, month: 11 }))!;
    const withSubmitted = (await getRollup(t.db, leader, { year: 2025, month: 11, basis: 'submitted' }))!;
    const [row] = await t.db.$queryRaw<{ s: string }[]>`
      SELECT COALESCE(sum("investedThisMonth"), 0)::numeric(18,2)::text AS s FROM "MonthlyReport" WHERE month = 11 AND status = 'SUBMITTED'`;
    expect(Number(row!.s)).toBeGreaterThan(0);
    expect(Math.round((Number(withSubmitted.completed) - Number(official.completed)) * 100)).toBe(
      Math.round(Number(row!.s) * 100),
    );
    expect(withSubmitted.basis).toBe('submitted');
  });

  it('measures 开工率 and 竣工率 against the planned counts', async () => {
    const r = (await getRollup(t.db, leader, { year: 2025, month: 10 }))!;
    const [counts] = await t.db.$queryRaw<{ started: number; completed: number }[]>`
      SELECT count(*) FILTER (WHERE pp.stage = 'NEW_START' AND p."actualStart" <= '2025-10-31')::int AS started,
             count(*) FILTER (WHERE pp.stage = 'COMPLETION' AND p."actualCompletion" <= '2025-10-31')::int AS completed
        FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
       WHERE pp."planYearId" = (SELECT id FROM "PlanYear" WHERE year = 2025)`;
    expect(r.starts).toMatchObject({ planned: 126, started: counts!.started });
    expect(r.completions).toMatchObject({ planned: 86, completed: counts!.completed });
  });

  it('reports the 155 前期 projects’ milestones and readiness, and department timeliness', async () => {
    const r = (await getRollup(t.db, leader, { year: 2025, month: 10 }))!;
    expect(r.preliminary.total).toBe(155);
    expect(r.preliminary.milestones).toHaveLength(5);
    for (const m of r.preliminary.milestones) expect(m.reached).toBeLessThanOrEqual(155);
    const approval = r.preliminary.milestones.find((m) => m.kind === 'APPROVAL')!;
    const permit = r.preliminary.milestones.find((m) => m.kind === 'CONSTRUCTION_PERMIT')!;
    expect(approval.reached).toBeGreaterThanOrEqual(permit.reached);
    for (const d of r.byDepartment) {
      expect(d.reportsOnTime).toBeLessThanOrEqual(d.reportsDue);
      expect(d.reportsDue % 10).toBe(0);
    }
  });

  it('answers null for an unknown year or month', async () => {
    expect(await getRollup(t.db, leader, { year: 1999 })).toBeNull();
    expect(await getRollup(t.db, leader, { year: 2025, month: 13 })).toBeNull();
  });
});

describe('getProjectFigures (the drill-down)', () => {
  it('gives each department’s projects figures that add up to the department’s line of the rollup, under both bases', async () => {
    for (const basis of ['approved', 'submitted'] as const) {
      const r = (await getRollup(t.db, leader, { year: 2025, month: 11, basis }))!;
      const all = await getProjectFigures(t.db, leader, { year: 2025, month: 11, basis, today: '2025-12-08' });
      expect(all).toHaveLength(421);
      for (const d of r.byDepartment) {
        const mine = await getProjectFigures(t.db, leader, {
          year: 2025,
          month: 11,
          basis,
          departmentId: d.key,
          today: '2025-12-08',
        });
        expect(mine).toHaveLength(d.count);
        const cents = mine.reduce((a, p) => a + Math.round(Number(p.completed) * 100), 0);
        expect(cents, d.label).toBe(Math.round(Number(d.completed) * 100));
      }
    }
  });

  it('warns, in words, about late reports and planted anomalies, and forecasts each project', async () => {
    const all = await getProjectFigures(t.db, leader, {
      year: 2025,
      month: 11,
      basis: 'approved',
      today: '2025-12-08',
    });
    const missing = all.filter((p) => p.reportStatus === null);
    expect(missing.length).toBeGreaterThan(0);
    for (const p of missing) {
      expect(p.warnings.some((w) => w.rule === 'noReportByDeadline' && w.message.params.daysOverdue === 3)).toBe(true);
    }
    const flagged = all.filter((p) => p.warnings.some((w) => w.rule === 'reportFlag'));
    expect(flagged.length).toBeGreaterThanOrEqual(4);
    for (const p of all.filter((x) => x.stage !== 'PRELIMINARY')) {
      expect(Number(p.forecast.actualYtd)).toBeCloseTo(Number(p.completed), 2);
    }
    expect(all.filter((p) => p.level === 'red').every((p) => p.warnings[0]!.level === 'red')).toBe(true);
  });
});
