/**
 * `npm run plan:check` for a year other than 2025 (issue 19, item 2): 2026 opened by the carry-over, its annual
 * amounts entered, and the published figures entered as its PlanFigure rows, reconciles; a figure off by a cent
 * fails; a year whose figures are not entered exits 2 rather than passing with nothing checked.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../helpers/actors';
import { closeDirectly, decisionsFor } from '../helpers/carry-over';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const ROOT = path.resolve(import.meta.dirname, '../..');
let t: TestDatabase;

const planCheck = (year: string) =>
  spawnSync(
    'npx',
    ['--no-install', 'tsx', '--import', './scripts/bench/register.mjs', path.join(ROOT, 'scripts/plan-check.ts'), year],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_URL: t.url } },
  );

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  await closeDirectly(t.db, 2025);
  await signIn(t.db, 'bureau');
  const { openNextPlanYear } = await import('@/lib/actions/carry-over');
  expect(await openNextPlanYear({ fromYear: 2025, decisions: await decisionsFor(t.db, 2025) })).toMatchObject({
    ok: true,
  });
  // the 2026 amounts as an import would enter them: 100.01 万元 per construction project, none for 前期
  await t.db.projectPlan.updateMany({
    where: { planYear: { year: 2026 }, stage: { not: 'PRELIMINARY' } },
    data: { annualPlan: '100.01' },
  });
}, 120_000);

afterAll(async () => t?.drop());

describe('npm run plan:check for 2026', () => {
  it('exits 2 while 2026’s published figures are not entered, instead of passing with nothing checked', () => {
    const r = planCheck('2026');
    expect(r.stderr).toContain('2026年计划报告的发布数字尚未录入');
    expect(r.status).toBe(2);
  });

  it('reconciles once they are entered, and names a figure that differs', async () => {
    // the published figures, counted here from the plans (an independent count, not the reconciliation's): every
    // stage, and the construction projects by investor and by direction
    const planYear = await t.db.planYear.findUniqueOrThrow({ where: { year: 2026 }, include: { plans: true } });
    const construction = planYear.plans.filter((p) => p.stage !== 'PRELIMINARY');
    const figures = (
      cut: 'TOTAL' | 'STAGE' | 'INVESTOR' | 'DIRECTION',
      plans: typeof construction,
      keyOf: (p: (typeof plans)[number]) => string,
    ) => {
      const groups = new Map<string, { n: number; amount: Decimal }>();
      for (const plan of plans) {
        const g = groups.get(keyOf(plan)) ?? { n: 0, amount: new Decimal(0) };
        groups.set(keyOf(plan), { n: g.n + 1, amount: g.amount.plus(plan.annualPlan?.toString() ?? 0) });
      }
      return [...groups].map(([key, g]) => ({
        planYearId: planYear.id,
        cut,
        key,
        projectCount: g.n,
        amount: key === 'PRELIMINARY' ? null : g.amount.toFixed(2),
      }));
    };
    const stages = figures('STAGE', planYear.plans, (p) => p.stage);
    await t.db.planFigure.createMany({
      data: [
        ...figures('TOTAL', construction, () => 'ALL'),
        ...stages,
        ...figures('INVESTOR', construction, (p) => p.investorType),
        ...figures('DIRECTION', construction, (p) => p.direction),
      ],
    });
    const ok = planCheck('2026');
    expect(ok.stdout).toContain('Every published figure of 2026 is reproduced exactly');
    expect(ok.status).toBe(0);

    await t.db.planFigure.update({
      where: { planYearId_cut_key: { planYearId: planYear.id, cut: 'STAGE', key: 'ONGOING' } },
      data: { amount: new Decimal(stages.find((f) => f.key === 'ONGOING')!.amount!).plus('0.01').toFixed(2) },
    });
    const off = planCheck('2026');
    expect(off.stdout).toMatch(/续建.*不一致/);
    expect(off.status).toBe(1);
  });
});
