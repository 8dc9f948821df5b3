/**
 * The checks a save makes (lib/domain/report-checks.ts) through saveReportDraft: flags stored for the reviewer and
 * cleared at their boundaries, and the explanation a flag like cumulativeAboveTotal needs before submission.
 */
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhCN from '@/messages/zh-CN.json';
import { signIn } from '../helpers/actors';
import { HUGE, openReportStories, reportDigest, toCents, wan, type ReportStories } from '../helpers/report-stories';

let s: ReportStories;
beforeAll(async () => {
  s = await openReportStories();
});
afterAll(async () => s?.close());

/** A department's current-month draft with the room left before its cumulative since start reaches 总投资 (cents). */
async function overTotalStory(username: string, arrange: { totalRoomCents?: number } = {}) {
  const report = await s.reportOf(username, 'DRAFT', s.currentMonth, { stageNot: 'PRELIMINARY' });
  const plan = await s.db.projectPlan.findUniqueOrThrow({ where: { id: report.planId }, include: { project: true } });
  const others = await s.db.monthlyReport.findMany({ where: { planId: plan.id, month: { not: report.month } } });
  const cumulativeCents =
    toCents(plan.cumulativeBeforeYear) + others.reduce((sum, r) => sum + toCents(r.investedThisMonth), 0);
  if (arrange.totalRoomCents !== undefined) {
    await s.arrange(plan.id, {}, { totalInvestment: wan(cumulativeCents + arrange.totalRoomCents) });
  }
  const total =
    arrange.totalRoomCents === undefined
      ? toCents(plan.project.totalInvestment)
      : cumulativeCents + arrange.totalRoomCents;
  const room = total - cumulativeCents;
  expect(room).toBeGreaterThan(0);
  return { report, room, projectName: plan.project.name };
}

describe('entry checks through saveReportDraft', () => {
  it('flags a month that takes cumulative since start past total investment by 0.01 and saves it; exactly the total is not flagged', async () => {
    const { report, room } = await overTotalStory('zjw');
    await signIn(s.db, 'zjw');
    const over = await s.actions.saveReportDraft(await s.resave(report.id, { investedThisMonth: wan(room + 1) }));
    expect(over).toMatchObject({ ok: true, data: { status: 'DRAFT' } });
    if (!over.ok) return;
    const flag = over.data.flags.find((f) => f.code === 'cumulativeAboveTotal');
    expect(flag?.params.excess).toBe('0.01');
    const row = await s.reportRow(report.id);
    expect(row.investedThisMonth.toFixed(2)).toBe(wan(room + 1));
    expect(row.flags).toContain('cumulativeAboveTotal');

    const exact = await s.actions.saveReportDraft(await s.resave(report.id, { investedThisMonth: wan(room) }));
    expect(exact).toMatchObject({ ok: true });
    expect((await s.reportRow(report.id)).flags).not.toContain('cumulativeAboveTotal');
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

  it('refuses to submit an over-total month without a 情况说明, on the field and naming the project, alone or in a batch; with one it goes', async () => {
    // the last story of the file: it takes a draft the ones above did not
    const { report, room, projectName } = await overTotalStory('zjw', { totalRoomCents: 100_00 });
    await signIn(s.db, 'zjw');
    const saved = await s.actions.saveReportDraft(
      await s.resave(report.id, { investedThisMonth: wan(room + 500), explanation: '   ' }),
    );
    expect(saved).toMatchObject({ ok: true });
    if (!saved.ok) return;
    const before = await reportDigest(s.db);

    const alone = await s.actions.submitReport({ reportId: report.id, version: saved.data.version });
    const message = zhCN.reports.errors.explanationRequired
      .replace('{project}', projectName)
      .replace('{flag}', zhCN.reports.flagLabels.cumulativeAboveTotal);
    expect(alone).toEqual({
      ok: false,
      code: 'VALIDATION',
      message,
      fieldErrors: {
        explanation: [
          zhCN.validation.reportExplanationRequired.replace('{flag}', zhCN.reports.flagLabels.cumulativeAboveTotal),
        ],
      },
    });
    const batch = await s.actions.submitReports({ reports: [{ reportId: report.id, version: saved.data.version }] });
    expect(batch).toMatchObject({ ok: false, code: 'VALIDATION', message });
    expect(await reportDigest(s.db)).toBe(before);

    const explained = await s.actions.saveReportDraft(
      await s.resave(report.id, { explanation: '已完成设计变更，调整概算正在报批' }),
    );
    expect(explained).toMatchObject({ ok: true });
    if (!explained.ok) return;
    expect(explained.data.flags.map((f) => f.code)).toContain('cumulativeAboveTotal');
    const submitted = await s.actions.submitReport({ reportId: report.id, version: explained.data.version });
    expect(submitted).toMatchObject({ ok: true, data: { status: 'SUBMITTED' } });
    const row = await s.reportRow(report.id);
    expect(row.explanation).toBe('已完成设计变更，调整概算正在报批');
    expect(row.flags).toContain('cumulativeAboveTotal');
  });

  it('flags last month’s amount repeated to the cent, and a first month above 5× its 分月计划 (the rules checks:eval measures)', async () => {
    const report = await s.draftWithHistory('zjw');
    await s.arrange(
      report.planId,
      { stage: 'ONGOING' },
      { totalInvestment: HUGE, actualStart: new Date('2024-03-01T00:00:00Z') },
    );
    const october = await s.db.monthlyReport.findUniqueOrThrow({
      where: { planId_month: { planId: report.planId, month: report.month - 1 } },
    });
    await signIn(s.db, 'zjw');
    const repeated = await s.actions.saveReportDraft(
      await s.resave(report.id, { investedThisMonth: october.investedThisMonth.toFixed(2) }),
    );
    expect(repeated).toMatchObject({ ok: true });
    if (!repeated.ok) return;
    expect(repeated.data.flags.map((f) => f.code)).toContain('repeatsLastMonth');

    // no earlier month with investment: the plan of the month is the yardstick
    await s.db.monthlyReport.updateMany({
      where: { planId: report.planId, month: { lt: report.month } },
      data: { investedThisMonth: 0 },
    });
    await s.db.monthlyPlanItem.upsert({
      where: { planId_month: { planId: report.planId, month: report.month } },
      create: { planId: report.planId, month: report.month, amount: '10.00' },
      update: { amount: '10.00' },
    });
    const above = await s.actions.saveReportDraft(await s.resave(report.id, { investedThisMonth: '50.01' }));
    expect(above).toMatchObject({ ok: true });
    if (!above.ok) return;
    expect(above.data.flags.find((f) => f.code === 'monthAbovePlan')?.params).toEqual({
      invested: '50.01',
      planned: '10.00',
      multiple: '5.1',
    });
    const exact = await s.actions.saveReportDraft(await s.resave(report.id, { investedThisMonth: '50.00' }));
    expect(exact).toMatchObject({ ok: true });
    if (!exact.ok) return;
    expect(exact.data.flags.map((f) => f.code)).not.toContain('monthAbovePlan');
    expect((await s.reportRow(report.id)).flags).not.toContain('monthAbovePlan');
  });
});
