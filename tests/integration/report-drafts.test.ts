/**
 * Saving a month's report (saveReportDraft), called as the public POST endpoint it is: creating and updating
 * drafts, fixing a returned report, and every refusal (stale version, locked report, another department's plan,
 * wrong role, bad amount, a month to come, a closed year) changing nothing. Each story signs in as a seeded user
 * and calls the real exported action against a throwaway copy of the seeded database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhCN from '@/messages/zh-CN.json';
import { signIn } from '../helpers/actors';
import { auditSince, lastAuditId } from '../helpers/audit';
import { openReportStories, reportDigest, reportFields, type ReportStories } from '../helpers/report-stories';

const CHINESE = /[\u4e00-\u9fff]/;

let s: ReportStories;
beforeAll(async () => {
  s = await openReportStories();
});
afterAll(async () => s?.close());

describe('saveReportDraft', () => {
  it('creates the missing November report of 区文化旅游委, reading full-width digits and separators', async () => {
    const wlw = await signIn(s.db, 'wlw');
    const plan = await s.planWithoutReport('wlw');
    const before = await lastAuditId(s.db);

    const result = await s.actions.saveReportDraft({
      projectPlanId: plan.id,
      month: s.currentMonth,
      version: 0,
      ...reportFields({ investedThisMonth: '１，２３４．５０', progressText: '  场地平整  ' }),
    });

    expect(result).toMatchObject({ ok: true, data: { version: 1, status: 'DRAFT' } });
    if (!result.ok) return;
    const row = await s.reportRow(result.data.reportId);
    expect(row.investedThisMonth.toFixed(2)).toBe('1234.50');
    expect(row.progressText).toBe('场地平整');
    expect(row.planId).toBe(plan.id);

    const audits = await auditSince(s.db, before);
    expect(audits).toHaveLength(1);
    const audit = audits[0]!;
    expect(audit).toMatchObject({
      action: 'report.saveDraft',
      entity: 'MonthlyReport',
      entityId: String(row.id),
      actorId: wlw.id,
      actor: 'wlw',
      ip: '127.0.0.1',
      before: null,
    });
    expect(audit.after).toMatchObject({
      investedThisMonth: '1234.5',
      progressText: '场地平整',
      status: 'DRAFT',
      month: s.currentMonth,
    });
  });

  it('updates a draft of 区住房城乡建委, recording only the fields that changed', async () => {
    await signIn(s.db, 'zjw');
    const report = await s.reportOf('zjw', 'DRAFT');
    const stored = await s.reportRow(report.id);
    const before = await lastAuditId(s.db);

    const result = await s.actions.saveReportDraft({
      projectPlanId: report.planId,
      month: report.month,
      version: report.version,
      investedThisMonth: '1,000',
      progressText: '主体封顶',
      problems: stored.problems,
      coordinationNeeded: stored.coordinationNeeded,
      nextSteps: stored.nextSteps,
      percentComplete: stored.percentComplete?.toFixed(2) ?? '',
      actualStart: stored.actualStart?.toISOString().slice(0, 10) ?? '',
      actualCompletion: stored.actualCompletion?.toISOString().slice(0, 10) ?? '',
    });

    expect(result).toEqual({
      ok: true,
      data: { reportId: report.id, version: report.version + 1, status: 'DRAFT', flags: [] },
    });
    const row = await s.reportRow(report.id);
    expect(row.investedThisMonth.toFixed(2)).toBe('1000.00');
    expect(row.version).toBe(report.version + 1);

    const audits = await auditSince(s.db, before);
    expect(audits).toHaveLength(1);
    const audit = audits[0]!;
    expect(audit.action).toBe('report.saveDraft');
    expect(audit.before).toEqual({
      investedThisMonth: stored.investedThisMonth.toString(),
      progressText: stored.progressText,
    });
    expect(audit.after).toEqual({ investedThisMonth: '1000', progressText: '主体封顶' });
  });

  it('keeps a returned report RETURNED while 区交通局 fixes it', async () => {
    await signIn(s.db, 'jtj');
    const report = await s.reportOf('jtj', 'RETURNED');
    const result = await s.actions.saveReportDraft({
      projectPlanId: report.planId,
      month: report.month,
      version: report.version,
      ...reportFields({ investedThisMonth: '88.8' }),
    });
    expect(result).toMatchObject({ ok: true, data: { status: 'RETURNED', version: report.version + 1 } });
    expect((await s.reportRow(report.id)).reviewComment).not.toBeNull();
  });

  it('refuses a stale version, naming who saved meanwhile, and writes nothing', async () => {
    const zjw = await signIn(s.db, 'zjw');
    const report = await s.reportOf('zjw', 'DRAFT');
    const first = await s.actions.saveReportDraft({
      projectPlanId: report.planId,
      month: report.month,
      version: report.version,
      ...reportFields({ investedThisMonth: '0' }),
    });
    expect(first).toMatchObject({ ok: true });

    const rowBefore = await s.reportRow(report.id);
    const auditBefore = await lastAuditId(s.db);
    // A second tab still holding the version read before the first save
    const stale = await s.actions.saveReportDraft({
      projectPlanId: report.planId,
      month: report.month,
      version: report.version,
      ...reportFields({ investedThisMonth: '2' }),
    });

    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    if (stale.ok) return;
    expect(stale.message).toContain(zjw.displayName);
    expect(stale.message).toContain('刷新');
    expect(await s.reportRow(report.id)).toEqual(rowBefore);
    expect(await auditSince(s.db, auditBefore)).toEqual([]);
  });

  it('refuses to create a report someone else created meanwhile (version 0 on an existing report)', async () => {
    await signIn(s.db, 'zjw');
    const report = await s.reportOf('zjw', 'DRAFT');
    const digest = await reportDigest(s.db);
    const result = await s.actions.saveReportDraft({
      projectPlanId: report.planId,
      month: report.month,
      version: 0,
      ...reportFields(),
    });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await reportDigest(s.db)).toBe(digest);
  });

  it('refuses a submitted or approved report with a message saying why', async () => {
    await signIn(s.db, 'jw');
    const submitted = await s.reportOf('jw', 'SUBMITTED');
    const digest = await reportDigest(s.db);
    const auditBefore = await lastAuditId(s.db);
    const onSubmitted = await s.actions.saveReportDraft({
      projectPlanId: submitted.planId,
      month: submitted.month,
      version: submitted.version,
      ...reportFields(),
    });
    expect(onSubmitted).toEqual({ ok: false, code: 'CONFLICT', message: zhCN.reports.errors.lockedSubmitted });

    await signIn(s.db, 'zjw');
    const approved = await s.reportOf('zjw', 'APPROVED', s.currentMonth - 1);
    const onApproved = await s.actions.saveReportDraft({
      projectPlanId: approved.planId,
      month: approved.month,
      version: approved.version,
      ...reportFields(),
    });
    expect(onApproved).toEqual({ ok: false, code: 'CONFLICT', message: zhCN.reports.errors.lockedApproved });
    expect(await reportDigest(s.db)).toBe(digest);
    expect(await auditSince(s.db, auditBefore)).toEqual([]);
  });

  it('answers another department’s plan exactly like a plan that does not exist, and changes nothing', async () => {
    await signIn(s.db, 'zjw');
    const theirs = await s.reportOf('jtj', 'RETURNED');
    const theirMissing = await s.planWithoutReport('wlw');
    const digest = await reportDigest(s.db);
    const auditBefore = await lastAuditId(s.db);

    const onTheirReport = await s.actions.saveReportDraft({
      projectPlanId: theirs.planId,
      month: theirs.month,
      version: theirs.version,
      ...reportFields(),
    });
    const onTheirMissing = await s.actions.saveReportDraft({
      projectPlanId: theirMissing.id,
      month: s.currentMonth,
      version: 0,
      ...reportFields(),
    });
    const onNothing = await s.actions.saveReportDraft({
      projectPlanId: 99_999_999,
      month: s.currentMonth,
      version: 0,
      ...reportFields(),
    });

    expect(onTheirReport).toEqual({ ok: false, code: 'NOT_FOUND', message: zhCN.actionErrors.NOT_FOUND });
    expect(onTheirMissing).toEqual(onTheirReport);
    expect(onNothing).toEqual(onTheirReport);
    expect(await reportDigest(s.db)).toBe(digest);
    expect(await auditSince(s.db, auditBefore)).toEqual([]);
  });

  it.each(['bureau', 'leader', 'admin'] as const)(
    'is not for %s: only the owning department writes its figures',
    async (username) => {
      await signIn(s.db, username);
      const report = await s.reportOf('zjw', 'DRAFT');
      const digest = await reportDigest(s.db);
      const result = await s.actions.saveReportDraft({
        projectPlanId: report.planId,
        month: report.month,
        version: report.version,
        ...reportFields(),
      });
      expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await reportDigest(s.db)).toBe(digest);
    },
  );

  it.each([
    ['-5', 'reportAmountNegative'],
    ['abc', 'reportAmountInvalid'],
    ['1.234', 'reportAmountTooManyDecimals'],
    ['', 'reportAmountRequired'],
  ] as const)('refuses the amount %j with a Chinese message and writes nothing', async (amount, key) => {
    await signIn(s.db, 'zjw');
    const report = await s.reportOf('zjw', 'DRAFT');
    const digest = await reportDigest(s.db);
    const auditBefore = await lastAuditId(s.db);

    const result = await s.actions.saveReportDraft({
      projectPlanId: report.planId,
      month: report.month,
      version: report.version,
      ...reportFields({ investedThisMonth: amount }),
    });

    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', message: zhCN.actionErrors.VALIDATION });
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({ investedThisMonth: [zhCN.validation[key]] });
    expect(result.fieldErrors?.investedThisMonth?.[0]).toMatch(CHINESE);
    expect(await reportDigest(s.db)).toBe(digest);
    expect(await auditSince(s.db, auditBefore)).toEqual([]);
  });

  it('refuses a month that has not come yet', async () => {
    await signIn(s.db, 'wlw');
    const plan = await s.planWithoutReport('wlw');
    const result = await s.actions.saveReportDraft({
      projectPlanId: plan.id,
      month: s.currentMonth + 1,
      version: 0,
      ...reportFields(),
    });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await s.db.monthlyReport.count({ where: { planId: plan.id, month: s.currentMonth + 1 } })).toBe(0);
  });

  it('refuses every write once the plan year is closed', async () => {
    const report = await s.reportOf('zjw', 'DRAFT');
    const submitted = await s.reportOf('jw', 'SUBMITTED');
    await s.db.planYear.update({ where: { year: 2025 }, data: { status: 'CLOSED' } });
    try {
      const digest = await reportDigest(s.db);
      const auditBefore = await lastAuditId(s.db);
      const closed = { ok: false, code: 'CONFLICT', message: '2025年度计划已关闭，不能再填报或审核月报。' };

      await signIn(s.db, 'zjw');
      expect(
        await s.actions.saveReportDraft({
          projectPlanId: report.planId,
          month: report.month,
          version: report.version,
          ...reportFields(),
        }),
      ).toEqual(closed);
      expect(await s.actions.submitReport({ reportId: report.id, version: report.version })).toEqual(closed);
      await signIn(s.db, 'bureau');
      expect(await s.actions.approveReport({ reportId: submitted.id, version: submitted.version })).toEqual(closed);

      expect(await reportDigest(s.db)).toBe(digest);
      expect(await auditSince(s.db, auditBefore)).toEqual([]);
    } finally {
      await s.db.planYear.update({ where: { year: 2025 }, data: { status: 'ACTIVE' } });
    }
  });
});
