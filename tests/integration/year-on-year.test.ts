/**
 * 同比 on the seeded data (2025 against the seeded, closed 2024): the rollup's figures against independent SQL sums,
 * the department drill-down, the JSON API and the bulletin's sentence.
 */
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { actorOf } from '../helpers/actors';
import { apiClient, ok } from '../helpers/api-client';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let leader: Actor;
let api: Awaited<ReturnType<typeof apiClient>>;
let getRollup: typeof import('@/lib/server/dashboard/get-rollup').getRollup;
let getDepartmentDrillDown: typeof import('@/lib/server/dashboard/get-department-drill-down').getDepartmentDrillDown;

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  leader = await actorOf(t.db, 'leader');
  api = await apiClient(t.db);
  ({ getRollup } = await import('@/lib/server/dashboard/get-rollup'));
  ({ getDepartmentDrillDown } = await import('@/lib/server/dashboard/get-department-drill-down'));
}, 120_000);

afterAll(async () => t?.drop());

/** Approved months 1…N of a year's plans, summed directly; `where` narrows over pp (plan) and p (project). */
async function approvedSum(year: number, month: number, where = ''): Promise<string> {
  const [row] = await t.db.$queryRawUnsafe<{ s: string }[]>(
    `SELECT COALESCE(sum(r."approvedInvested"), 0)::numeric(18,2)::text AS s
       FROM "MonthlyReport" r JOIN "ProjectPlan" pp ON pp.id = r."planId" JOIN "Project" p ON p.id = pp."projectId"
       JOIN "PlanYear" y ON y.id = pp."planYearId"
      WHERE y.year = $1 AND r.month <= $2 ${where}`,
    year,
    month,
  );
  return row!.s;
}

/** The rate as the test computes it: exact, rounded once, half away from zero; null without a base. */
function rate(current: string, previous: string): string | null {
  const base = new Decimal(previous);
  if (base.isZero()) return null;
  return new Decimal(current).minus(base).times(100).dividedBy(base).toFixed(1, Decimal.ROUND_HALF_UP);
}

describe('the rollup’s 同比', () => {
  it.each([1, 6, 10])(
    'equals independent SQL sums of 2024 and 2025 through month %i, district-wide and per stage',
    async (month) => {
      const r = (await getRollup(t.db, leader, { year: 2025, month }))!;
      const previous = await approvedSum(2024, month);
      expect(Number(previous)).toBeGreaterThan(0);
      expect(r.yearOnYear).toMatchObject({ previousYear: 2024, previousCompleted: previous });
      expect(r.yearOnYear!.percent).toBe(rate(await approvedSum(2025, month), previous));
      for (const s of r.yearOnYear!.byStage) {
        const before = await approvedSum(2024, month, `AND pp.stage = '${s.stage}'`);
        const now = r.byStage.find((c) => c.key === s.stage)?.completed ?? '0.00';
        expect(s, s.stage).toEqual({ stage: s.stage, previousCompleted: before, percent: rate(now, before) });
      }
      // 2024 held 续建 and 新开工 projects only: its other stages have no base, so no rate
      expect(r.yearOnYear!.byStage.find((s) => s.stage === 'COMPLETION')!.percent).toBeNull();
      expect(r.yearOnYear!.byStage.find((s) => s.stage === 'ONGOING')!.percent).not.toBeNull();
    },
  );

  it('is null for a year whose previous year is not in Keystone (2024 against 2023)', async () => {
    const r = (await getRollup(t.db, leader, { year: 2024, month: 12 }))!;
    expect(r.completed).not.toBe('0.00');
    expect(r.yearOnYear).toBeNull();
  });

  it('gives each department its own 同比 in the drill-down, over the projects it holds', async () => {
    const district = (await getRollup(t.db, leader, { year: 2025, month: 10 }))!;
    let compared = 0;
    for (const line of district.byDepartment) {
      const drill = (await getDepartmentDrillDown(t.db, leader, {
        year: 2025,
        month: 10,
        basis: 'approved',
        departmentId: line.key,
      }))!;
      const own = `AND p."departmentId" = ${line.key}`;
      const previous = await approvedSum(2024, 10, own);
      expect(drill.rollup.yearOnYear!.previousCompleted, line.label).toBe(previous);
      expect(drill.rollup.yearOnYear!.percent, line.label).toBe(rate(line.completed, previous));
      if (drill.rollup.yearOnYear!.percent !== null) compared++;
    }
    // not vacuous: most departments had projects under way in 2024
    expect(compared).toBeGreaterThan(5);
  });
});

describe('同比 in the API and the bulletin', () => {
  it('answers yearOnYear in GET /plan-years/2025/rollup, equal to the rollup', async () => {
    const body = await ok<{ yearOnYear: unknown; completed: string }>(await api.rollup('2025', '?month=10'));
    const r = (await getRollup(t.db, leader, { year: 2025, month: 10 }))!;
    expect(body.yearOnYear).toEqual(r.yearOnYear);
    expect(body.yearOnYear).toMatchObject({
      previousYear: 2024,
      percent: rate(body.completed, await approvedSum(2024, 10)),
    });
    const y2024 = await ok<{ yearOnYear: unknown }>(await api.rollup('2024', '?month=12'));
    expect(y2024.yearOnYear).toBeNull();
  });

  it('writes the clause into the bulletin draft only when the previous year exists', async () => {
    const { bulletinDraftText } = await import('@/lib/server/bulletins/draft-text');
    const { takeBulletinFigures } = await import('@/lib/server/bulletins/figures');
    const bureau = await actorOf(t.db, 'bureau');
    for (const year of [2024, 2025]) {
      const planYear = await t.db.planYear.findUniqueOrThrow({ where: { year } });
      const figures = (await takeBulletinFigures(t.db, bureau, planYear, 10))!;
      const { body } = bulletinDraftText(figures);
      if (year === 2024) expect(body).not.toContain('同比');
      else {
        const percent = rate(figures.rollup.completed, await approvedSum(2024, 10))!;
        expect(body).toContain(
          `亿元，同比${percent.startsWith('-') ? '下降' : '增长'}${percent.replace('-', '')}%，占年度计划的`,
        );
      }
    }
  });
});
