/**
 * The demo's numbers make sense to a statistician (issue 14, item 6): the district's year-end forecast is close to
 * its plan, and a 完工 project reaches its total investment when it completes, so an ordinary November figure never
 * runs past the total. Checked on the demo seed and on two other seeds, so the generator holds it, not one draw.
 */
import { describe, expect, it } from 'vitest';
import { centsToWan } from '@/lib/domain/money';
import { forecastYearEnd } from '@/lib/domain/forecast';
import { checkReport } from '@/lib/domain/report-checks';
import { DEFAULT_SEED, generateSeedData, type SeedProject } from '@/prisma/seed/generate';

/** How far the district's year-end forecast may land from its plan, in points. */
const FORECAST_TOLERANCE_POINTS = 5;
/** The demo round: January–October approved. */
const MONTH = 10;

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const invested = (p: SeedProject, from: number, to: number) =>
  sum(p.reports.filter((r) => r.month >= from && r.month <= to).map((r) => r.invested));

describe.each([DEFAULT_SEED, 7, 2026])('the demo generated from seed %i', (seed) => {
  const data = generateSeedData(seed);
  const built = data.projects.filter((p) => p.stage !== 'PRELIMINARY');
  const planted = new Set(data.anomalies.map((a) => a.projectCode));

  it(`forecasts the district's year within ${FORECAST_TOLERANCE_POINTS} points of its plan, as the dashboard does`, () => {
    const series = (pick: (p: SeedProject, month: number) => number) =>
      Array.from({ length: 12 }, (_, i) => centsToWan(sum(built.map((p) => pick(p, i + 1)))));
    const forecast = forecastYearEnd({
      plannedByMonth: series((p, m) => p.monthlyPlan[m - 1]!),
      actualByMonth: series((p, m) => (m <= MONTH ? invested(p, m, m) : 0)).slice(0, MONTH),
      month: MONTH,
    });
    expect(Math.abs(Number(forecast.percentOfPlan) - 100)).toBeLessThanOrEqual(FORECAST_TOLERANCE_POINTS);
  });

  it('has no stage past its annual plan after October (续建 was at 110.8%)', () => {
    for (const stage of ['COMPLETION', 'ONGOING', 'NEW_START'] as const) {
      const of = built.filter((p) => p.stage === stage);
      expect(sum(of.map((p) => invested(p, 1, MONTH))), stage).toBeLessThan(sum(of.map((p) => p.annualPlan!)));
    }
  });

  it('brings a 完工 project to its total in its completion month, never before, and nothing after', () => {
    const completed = built.filter((p) => p.stage === 'COMPLETION' && p.actualCompletion && !planted.has(p.code));
    expect(completed.length).toBeGreaterThan(20);
    for (const p of completed) {
      const month = p.actualCompletion!.getUTCMonth() + 1;
      expect(p.cumulativeBeforeYear + invested(p, 1, month - 1), p.code).toBeLessThan(p.totalInvestment);
      expect(p.cumulativeBeforeYear + invested(p, 1, month), p.code).toBe(p.totalInvestment);
      expect(invested(p, month + 1, 12), p.code).toBe(0);
    }
  });

  it('leaves every 完工 project still investing room for more than a month like its last three', () => {
    const investing = built.filter(
      (p) => p.stage === 'COMPLETION' && !p.actualCompletion && !planted.has(p.code) && invested(p, 8, MONTH) > 0,
    );
    expect(investing.length).toBeGreaterThan(10);
    for (const p of investing) {
      const typical = Math.round(invested(p, 8, MONTH) / 3);
      const { flags } = checkReport({
        stage: p.stage,
        totalInvestment: centsToWan(p.totalInvestment),
        cumulativeBeforeYear: centsToWan(p.cumulativeBeforeYear),
        annualPlan: centsToWan(p.annualPlan!),
        month: MONTH + 1,
        investedThisMonth: centsToWan(typical),
        priorMonths: p.reports
          .filter((r) => r.month <= MONTH)
          .map((r) => ({ month: r.month, invested: centsToWan(r.invested) })),
        actualStart: p.actualStart?.toISOString().slice(0, 10) ?? null,
      });
      expect(
        flags.map((f) => f.code),
        p.code,
      ).not.toContain('cumulativeAboveTotal');
    }
  });

  it('keeps the projects the pace warnings need: some well behind 序时, some not started', () => {
    const behind = built.filter((p) => invested(p, 1, MONTH) < 0.6 * p.annualPlan!);
    expect(behind.length).toBeGreaterThan(10);
    expect(data.projects.some((p) => p.stage === 'NEW_START' && p.actualStart === null)).toBe(true);
  });
});
