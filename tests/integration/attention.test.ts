/**
 * The dashboard's attention list is computed in SQL (counts and LIMITed picks) so the page never reads every
 * project. It must say exactly what the domain rules say when every project is read and judged in TypeScript:
 * the same red and yellow counts, the same first 30 red projects, the same projects most likely to miss. Checked
 * over the seeded plan at several months, both bases, three "todays" around the deadline and two sets of lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { likelyToMiss } from '@/lib/domain/forecast';
import type { WarningRule } from '@/lib/domain/warnings';
import { actorOf } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let getAttention: typeof import('@/lib/server/dashboard/get-attention').getAttention;
let getProjectFigures: typeof import('@/lib/server/dashboard/get-project-figures').getProjectFigures;
let leader: Actor;

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  leader = await actorOf(t.db, 'leader');
  ({ getAttention } = await import('@/lib/server/dashboard/get-attention'));
  ({ getProjectFigures } = await import('@/lib/server/dashboard/get-project-figures'));
}, 120_000);

afterAll(async () => {
  await t.drop();
});

async function setLines(yellow: number, red: number) {
  await t.db.planYear.update({ where: { year: 2025 }, data: { paceYellowPoints: yellow, paceRedPoints: red } });
}

/** What the page showed before: every project judged by the domain, then filtered and ranked in TypeScript. */
async function judgedByDomain(options: { month: number; basis: 'approved' | 'submitted'; today: string }) {
  const all = await getProjectFigures(t.db, leader, { year: 2025, ...options });
  const red = all.filter((f) => f.level === 'red');
  return {
    all,
    red: red.length,
    yellow: all.filter((f) => f.level === 'yellow').length,
    redPlans: red.slice(0, 30).map((f) => f.planId),
    missing: likelyToMiss(
      all.filter((f) => f.stage !== 'PRELIMINARY'),
      10,
    ).map((m) => [m.project.planId, m.shortfall]),
  };
}

describe('getAttention', () => {
  const seen = new Set<WarningRule>();
  const cases = [3, 6, 10, 11].flatMap((month) =>
    (['approved', 'submitted'] as const).flatMap((basis) =>
      // before the deadline, a few days after it, and well past it (the deadline of month 10 is 5 November)
      [
        `2025-${String(month + 1).padStart(2, '0')}-02`,
        `2025-${String(month + 1).padStart(2, '0')}-09`,
        '2025-12-28',
      ].map((today) => ({
        month,
        basis,
        today,
      })),
    ),
  );

  for (const lines of [
    [10, 30],
    [5, 15],
  ] as const) {
    it(`agrees with the domain rules project by project (lines ${lines[0]} / ${lines[1]})`, async () => {
      await setLines(lines[0], lines[1]);
      for (const c of cases) {
        const expected = await judgedByDomain(c);
        const got = (await getAttention(t.db, leader, { year: 2025, ...c }))!;
        const where = JSON.stringify(c);
        expect({ red: got.red, yellow: got.yellow }, where).toEqual({ red: expected.red, yellow: expected.yellow });
        expect(
          got.redProjects.map((f) => f.planId),
          where,
        ).toEqual(expected.redPlans);
        expect(got.redProjects.every((f) => f.level === 'red' && f.warnings.length > 0)).toBe(true);
        expect(
          got.likelyToMiss.map((m) => [m.project.planId, m.shortfall]),
          where,
        ).toEqual(expected.missing);
        for (const f of expected.all) for (const w of f.warnings) seen.add(w.rule);
      }
      await setLines(10, 30);
    }, 120_000);
  }

  it('was checked against every rule (the cases above are not vacuous)', () => {
    expect([...seen].sort()).toEqual(['noReportByDeadline', 'notStartedOnTime', 'paceBehind', 'reportFlag']);
  });

  it('counts every red project but lists only the first ones, with their reasons', async () => {
    const got = (await getAttention(t.db, leader, {
      year: 2025,
      month: 10,
      basis: 'approved',
      today: '2025-12-28',
      redLimit: 3,
      missLimit: 2,
    }))!;
    expect(got.red).toBeGreaterThan(3);
    expect(got.redProjects).toHaveLength(3);
    expect(got.likelyToMiss).toHaveLength(2);
    expect(Number(got.likelyToMiss[0]!.shortfall)).toBeGreaterThanOrEqual(Number(got.likelyToMiss[1]!.shortfall));
  });

  it('a forecast with nothing planned yet takes the rest of the year at plan', async () => {
    // move one project's whole split to December: through October it has nothing planned, so its forecast is
    // actual + the remaining plan, and it is not likely to miss unless that falls short
    const plan = await t.db.projectPlan.findFirstOrThrow({
      where: { planYear: { year: 2025 }, stage: 'ONGOING', monthlyPlan: { some: {} } },
      include: { monthlyPlan: true },
      orderBy: { id: 'asc' },
    });
    const split = plan.monthlyPlan.reduce((s, i) => s + Number(i.amount), 0);
    await t.db.$transaction([
      t.db.monthlyPlanItem.deleteMany({ where: { planId: plan.id } }),
      t.db.monthlyPlanItem.create({ data: { planId: plan.id, month: 12, amount: split.toFixed(2) } }),
    ]);
    const expected = await judgedByDomain({ month: 10, basis: 'approved', today: '2025-11-02' });
    const got = (await getAttention(t.db, leader, { year: 2025, month: 10, basis: 'approved', today: '2025-11-02' }))!;
    expect(got.likelyToMiss.map((m) => [m.project.planId, m.shortfall])).toEqual(expected.missing);
    expect(expected.all.find((f) => f.planId === plan.id)!.forecast.ratio).toBeNull();
  });

  it('refuses nothing silently: an unknown year has no attention list', async () => {
    expect(await getAttention(t.db, leader, { year: 1999, month: 10, basis: 'approved' })).toBeNull();
  });
});
