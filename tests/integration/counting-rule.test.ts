/**
 * The counting rule (domain.md, "Counting rule"; issue 14): the cuts by investor type and by direction count the
 * 266 construction projects, as the plan report does (市级 23 / 社会 42 / 区级 201), and the 155 前期 projects
 * are a line of their own — on the dashboard, in the JSON API's rollup and in the bulletin tables, which all read
 * getRollup. `npm run plan:check` compares these cuts with the published figures too (getRollupReconciliation).
 */
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRollup, withPreliminaryLine, type Rollup, type RollupCut } from '@/lib/server/dashboard/get-rollup';
import { getRollupReconciliation } from '@/lib/server/plan/get-plan-reconciliation';
import { actorOf } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let rollup: Rollup;

beforeAll(async () => {
  t = await createTestDatabase('seeded');
  rollup = (await getRollup(t.db, await actorOf(t.db, 'leader'), { year: 2025, month: 10, basis: 'approved' }))!;
});
afterAll(async () => t?.drop());

const counts = (cuts: readonly RollupCut[]) => Object.fromEntries(cuts.map((c) => [c.key, c.count]));
const sum = (cuts: readonly RollupCut[], field: 'annualPlan' | 'completed') =>
  cuts.reduce((s, c) => s.plus(c[field]), new Decimal(0)).toFixed(2);

describe('cuts by investor type and direction count construction projects', () => {
  it('counts 市级 23 / 社会 42 / 区级 201, as the plan report, not the 前期 projects of those owners', async () => {
    expect(counts(rollup.byInvestor)).toEqual({ MUNICIPAL: 23, SOCIAL: 42, DISTRICT: 201 });
    expect(rollup.construction).toMatchObject({ count: 266, annualPlan: '2478000.00' });
    expect(rollup.projectCount).toBe(421);
  });

  it('counts the directions over the same 266 projects and 247.8亿', () => {
    expect(rollup.byDirection.reduce((n, c) => n + c.count, 0)).toBe(266);
    expect(sum(rollup.byDirection, 'annualPlan')).toBe('2478000.00');
    expect(sum(rollup.byInvestor, 'annualPlan')).toBe('2478000.00');
  });

  it('with the 前期 line of its own, each table adds up to the district total, completed amounts included', () => {
    for (const cuts of [rollup.byInvestor, rollup.byDirection]) {
      const table = withPreliminaryLine(cuts, rollup) as RollupCut[];
      expect(table.at(-1)).toMatchObject({ key: 'PRELIMINARY', count: 155 });
      expect(table.reduce((n, c) => n + c.count, 0)).toBe(rollup.projectCount);
      expect(sum(table, 'completed')).toBe(new Decimal(rollup.completed).toFixed(2));
      expect(sum(cuts, 'completed')).toBe(new Decimal(rollup.construction.completed).toFixed(2));
    }
  });

  it('leaves a bulletin frozen before the rule as it was published (its lines already held the 前期 projects)', () => {
    const frozen = { byStage: rollup.byStage };
    expect(withPreliminaryLine(rollup.byInvestor, frozen)).toEqual(rollup.byInvestor);
  });
});

describe('plan:check compares the dashboard’s cuts with the published plan', () => {
  it('matches every published count, amount and share on the seeded plan', async () => {
    const rec = await getRollupReconciliation(t.db, await actorOf(t.db, 'leader'), 2025);
    expect(rec!.lines.filter((l) => !l.matches)).toEqual([]);
    expect(rec!.lines.filter((l) => l.cut === 'INVESTOR').map((l) => l.actual.projectCount)).toEqual([23, 42, 201]);
  });

  it('fails when a construction project moves to another investor type (the comparison is not vacuous)', async () => {
    const plan = await t.db.projectPlan.findFirstOrThrow({
      where: { planYear: { year: 2025 }, stage: 'ONGOING', investorType: 'MUNICIPAL' },
    });
    await t.db.projectPlan.update({ where: { id: plan.id }, data: { investorType: 'SOCIAL' } });
    const rec = await getRollupReconciliation(t.db, await actorOf(t.db, 'leader'), 2025);
    expect(rec!.matches).toBe(false);
    expect(rec!.lines.filter((l) => !l.matches).map((l) => `${l.cut}:${l.key}`)).toEqual([
      'INVESTOR:MUNICIPAL',
      'INVESTOR:SOCIAL',
    ]);
  });
});
