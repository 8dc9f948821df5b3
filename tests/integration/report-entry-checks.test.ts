/**
 * The checks a save makes (lib/domain/report-checks.ts) through saveReportDraft: refusals with the amounts in
 * the user's language, and flags stored for the reviewer and cleared at their boundaries.
 */
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhCN from '@/messages/zh-CN.json';
import { signIn } from '../helpers/actors';
import { HUGE, openReportStories, reportDigest, toCents, wan, type ReportStories } from '../helpers/report-stories';

const CHINESE = /[\u4e00-\u9fff]/;

let s: ReportStories;
beforeAll(async () => {
  s = await openReportStories();
});
afterAll(async () => s?.close());

describe('entry checks through saveReportDraft', () => {
  it('refuses a month that takes cumulative since start past total investment by 0.01, in Chinese with the amounts; exactly the total is accepted', async () => {
    const report = await s.reportOf('zjw', 'DRAFT', s.currentMonth, { stageNot: 'PRELIMINARY' });
    const plan = await s.db.projectPlan.findUniqueOrThrow({ where: { id: report.planId }, include: { project: true } });
    const others = await s.db.monthlyReport.findMany({ where: { planId: plan.id, month: { not: report.month } } });
    const cumulativeCents =
      toCents(plan.cumulativeBeforeYear) + others.reduce((sum, r) => sum + toCents(r.investedThisMonth), 0);
    const totalCents = toCents(plan.project.totalInvestment);
    const room = totalCents - cumulativeCents;
    expect(room).toBeGreaterThan(0);

    await signIn(s.db, 'zjw');
    const before = await reportDigest(s.db);
    const over = await s.actions.saveReportDraft(await s.resave(report.id, { investedThisMonth: wan(room + 1) }));

    expect(over).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: zhCN.actionErrors.VALIDATION,
      fieldErrors: {
        investedThisMonth: [
          zhCN.validation.reportCumulativeAboveTotal
            .replace('{cumulative}', wan(totalCents + 1))
            .replace('{total}', wan(totalCents))
            .replace('{excess}', '0.01'),
        ],
      },
    });
    if (over.ok) return;
    expect(over.fieldErrors?.investedThisMonth?.[0]).toMatch(CHINESE);
    expect(await reportDigest(s.db)).toBe(before);

    const exact = await s.actions.saveReportDraft(await s.resave(report.id, { investedThisMonth: wan(room) }));
    expect(exact).toMatchObject({ ok: true, data: { status: 'DRAFT', version: report.version + 1 } });
    expect((await s.reportRow(report.id)).investedThisMonth.toFixed(2)).toBe(wan(room));
  });

  it('flags a year to date above 150% of the annual plan, stores it, and clears it when exactly 150%', async () => {
    const report = await s.draftWithHistory('zjw');
    await s.arrange(
      report.planId,
      { stage: 'ONGOING' },
      { totalInvestment: HUGE, actualStart: new Date('2024-03-01T00:00:00Z') },
    );
    const x = Math.max(1, Math.round(report.priorSum / 10)); // a normal month: no spike
    const ytd = report.priorSum + x;
    const m = Math.floor(ytd / 3) - 1;
    const annualPlan = 2 * m; // 150% of it is 3m, below the year to date
    await s.arrange(report.planId, { annualPlan: wan(annualPlan) });

    await signIn(s.db, 'zjw');
    const flagged = await s.actions.saveReportDraft(await s.resave(report.id, { investedThisMonth: wan(x) }));
    expect(flagged).toMatchObject({ ok: true });
    if (!flagged.ok) return;
    expect(flagged.data.flags).toEqual([
      {
        code: 'ytdAbovePlan',
        params: {
          ytd: wan(ytd),
          annualPlan: wan(annualPlan),
          percent: new Decimal(ytd).dividedBy(annualPlan).times(100).toFixed(2, Decimal.ROUND_UP),
          limit: wan(3 * m),
        },
      },
    ]);
    expect((await s.reportRow(report.id)).flags).toEqual(['ytdAbovePlan']);
    const audit = await s.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(audit.after).toMatchObject({ flags: ['ytdAbovePlan'] });

    // exactly 150%: no flag, and the stored one is gone
    const exact = 3 * m - report.priorSum;
    expect(exact).toBeGreaterThanOrEqual(0);
    const cleared = await s.actions.saveReportDraft(await s.resave(report.id, { investedThisMonth: wan(exact) }));
    expect(cleared).toMatchObject({ ok: true, data: { flags: [] } });
    expect((await s.reportRow(report.id)).flags).toEqual([]);
  });

  it('flags investment on a 前期 project, and clears the flag when the month is back to 0', async () => {
    const report = await s.reportOf('zjw', 'DRAFT');
    await s.arrange(report.planId, { stage: 'PRELIMINARY', annualPlan: null }, { totalInvestment: HUGE });
    await signIn(s.db, 'zjw');
    const flagged = await s.actions.saveReportDraft(await s.resave(report.id, { investedThisMonth: '0.01' }));
    expect(flagged).toMatchObject({
      ok: true,
      data: { flags: [{ code: 'investmentOnPreliminary', params: { invested: '0.01' } }] },
    });
    expect((await s.reportRow(report.id)).flags).toEqual(['investmentOnPreliminary']);

    const cleared = await s.actions.saveReportDraft(await s.resave(report.id, { investedThisMonth: '0' }));
    expect(cleared).toMatchObject({ ok: true, data: { flags: [] } });
    expect((await s.reportRow(report.id)).flags).toEqual([]);
  });

  it('flags a month above five times the project’s own average, not at or below it', async () => {
    const report = await s.draftWithHistory('zjw');
    await s.arrange(
      report.planId,
      { stage: 'ONGOING', annualPlan: null },
      { totalInvestment: HUGE, actualStart: new Date('2024-03-01T00:00:00Z') },
    );
    const n = report.prior.length;
    const limit = Math.floor((5 * report.priorSum) / n); // x * n <= 5 * sum
    await signIn(s.db, 'zjw');

    const flagged = await s.actions.saveReportDraft(await s.resave(report.id, { investedThisMonth: wan(limit + 1) }));
    expect(flagged).toMatchObject({ ok: true });
    if (!flagged.ok) return;
    expect(flagged.data.flags).toHaveLength(1);
    expect(flagged.data.flags[0]).toMatchObject({
      code: 'monthSpike',
      params: {
        invested: wan(limit + 1),
        average: new Decimal(report.priorSum).dividedBy(n).dividedBy(100).toFixed(2, Decimal.ROUND_HALF_UP),
        priorMonths: n,
      },
    });
    expect((await s.reportRow(report.id)).flags).toEqual(['monthSpike']);

    const cleared = await s.actions.saveReportDraft(await s.resave(report.id, { investedThisMonth: wan(limit) }));
    expect(cleared).toMatchObject({ ok: true, data: { flags: [] } });
    expect((await s.reportRow(report.id)).flags).toEqual([]);
  });

  it('flags a new start with investment and no start date, and clears it once the report gives the date (the project waits for approval)', async () => {
    const report = await s.reportOf('zjw', 'DRAFT');
    await s.arrange(
      report.planId,
      { stage: 'NEW_START', annualPlan: null },
      { totalInvestment: HUGE, actualStart: null },
    );
    await signIn(s.db, 'zjw');
    const flagged = await s.actions.saveReportDraft(
      await s.resave(report.id, { investedThisMonth: '0.01', actualStart: '', actualCompletion: '' }),
    );
    expect(flagged).toMatchObject({ ok: true });
    if (!flagged.ok) return;
    expect(flagged.data.flags.map((f) => f.code)).toEqual(['investedWithoutStart']);
    expect((await s.reportRow(report.id)).flags).toEqual(['investedWithoutStart']);

    const dated = await s.actions.saveReportDraft(
      await s.resave(report.id, { actualStart: '2025-11-03', actualCompletion: '' }),
    );
    expect(dated).toMatchObject({ ok: true, data: { flags: [] } });
    expect((await s.reportRow(report.id)).flags).toEqual([]);
    expect((await s.projectOfPlan(report.planId)).actualStart).toBeNull();
  });
});
