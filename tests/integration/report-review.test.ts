/**
 * Submitting one report and the bureau's review of it (approve, return), then a month's whole round trip.
 * Each story signs in as a seeded user and calls the real exported action against a throwaway copy of the seeded
 * database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhCN from '@/messages/zh-CN.json';
import { signIn } from '../helpers/actors';
import { auditSince, lastAuditId } from '../helpers/audit';
import { openReportStories, reportDigest, reportFields, type ReportStories } from '../helpers/report-stories';

let s: ReportStories;
beforeAll(async () => {
  s = await openReportStories();
});
afterAll(async () => s?.close());

describe('submitReport', () => {
  it('hands a draft of 区住房城乡建委 to the bureau, recording who and when', async () => {
    const zjw = await signIn(s.db, 'zjw');
    const report = await s.reportOf('zjw', 'DRAFT');
    const auditBefore = await lastAuditId(s.db);

    const result = await s.actions.submitReport({ reportId: report.id, version: report.version });

    expect(result).toEqual({
      ok: true,
      data: { reportId: report.id, version: report.version + 1, status: 'SUBMITTED' },
    });
    const row = await s.reportRow(report.id);
    expect(row.status).toBe('SUBMITTED');
    expect(row.submittedById).toBe(zjw.id);
    expect(row.submittedAt).not.toBeNull();

    const audits = await auditSince(s.db, auditBefore);
    expect(audits).toHaveLength(1);
    const audit = audits[0]!;
    expect(audit).toMatchObject({
      action: 'report.submit',
      entity: 'MonthlyReport',
      entityId: String(report.id),
      actor: 'zjw',
    });
    expect(audit.before).toMatchObject({ status: 'DRAFT', submittedById: null, submittedAt: null });
    expect(audit.after).toMatchObject({
      status: 'SUBMITTED',
      submittedById: zjw.id,
      submittedAt: row.submittedAt?.toISOString(),
    });
  });

  it('resubmits a returned report of 区交通局', async () => {
    await signIn(s.db, 'jtj');
    const report = await s.reportOf('jtj', 'RETURNED');
    const result = await s.actions.submitReport({ reportId: report.id, version: report.version });
    expect(result).toMatchObject({ ok: true, data: { status: 'SUBMITTED' } });
  });

  it('refuses a report that is already submitted', async () => {
    await signIn(s.db, 'jw');
    const report = await s.reportOf('jw', 'SUBMITTED');
    const result = await s.actions.submitReport({ reportId: report.id, version: report.version });
    expect(result).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '只有草稿或已退回的月报可以提交（当前状态：已提交）。',
    });
  });

  it('refuses a stale version and writes nothing', async () => {
    await signIn(s.db, 'zjw');
    const report = await s.reportOf('zjw', 'DRAFT');
    const digest = await reportDigest(s.db);
    const auditBefore = await lastAuditId(s.db);
    const result = await s.actions.submitReport({ reportId: report.id, version: report.version + 5 });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await reportDigest(s.db)).toBe(digest);
    expect(await auditSince(s.db, auditBefore)).toEqual([]);
  });

  it('answers another department’s report like a missing one and changes nothing', async () => {
    await signIn(s.db, 'jw');
    const theirs = await s.reportOf('zjw', 'DRAFT');
    const digest = await reportDigest(s.db);
    const auditBefore = await lastAuditId(s.db);
    const onTheirs = await s.actions.submitReport({ reportId: theirs.id, version: theirs.version });
    const onNothing = await s.actions.submitReport({ reportId: 99_999_999, version: 1 });
    expect(onTheirs).toEqual({ ok: false, code: 'NOT_FOUND', message: zhCN.actionErrors.NOT_FOUND });
    expect(onNothing).toEqual(onTheirs);
    expect(await reportDigest(s.db)).toBe(digest);
    expect(await auditSince(s.db, auditBefore)).toEqual([]);
  });

  it.each(['bureau', 'leader'] as const)('is not for %s', async (username) => {
    await signIn(s.db, username);
    const report = await s.reportOf('zjw', 'DRAFT');
    expect(await s.actions.submitReport({ reportId: report.id, version: report.version })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect((await s.reportRow(report.id)).status).toBe('DRAFT');
  });
});

describe('approveReport and returnReport', () => {
  it('lets the bureau approve a submitted report of 区教委', async () => {
    const bureau = await signIn(s.db, 'bureau');
    const report = await s.reportOf('jw', 'SUBMITTED');
    const auditBefore = await lastAuditId(s.db);

    const result = await s.actions.approveReport({ reportId: report.id, version: report.version });

    expect(result).toEqual({
      ok: true,
      data: { reportId: report.id, version: report.version + 1, status: 'APPROVED' },
    });
    const row = await s.reportRow(report.id);
    expect(row).toMatchObject({ status: 'APPROVED', reviewedById: bureau.id, reviewComment: null });
    const audits = await auditSince(s.db, auditBefore);
    expect(audits).toHaveLength(1);
    const audit = audits[0]!;
    expect(audit).toMatchObject({ action: 'report.approve', entityId: String(report.id), actor: 'bureau' });
    expect(audit.before).toMatchObject({ status: 'SUBMITTED', reviewedById: null });
    expect(audit.after).toMatchObject({ status: 'APPROVED', reviewedById: bureau.id });
  });

  it('lets an administrator approve too', async () => {
    await signIn(s.db, 'admin');
    const report = await s.reportOf('jw', 'SUBMITTED');
    expect(await s.actions.approveReport({ reportId: report.id, version: report.version })).toMatchObject({
      ok: true,
      data: { status: 'APPROVED' },
    });
  });

  it('returns a report with the reason, which lands on the report and in the trail', async () => {
    await signIn(s.db, 'bureau');
    const report = await s.reportOf('jw', 'SUBMITTED');
    const auditBefore = await lastAuditId(s.db);

    const result = await s.actions.returnReport({
      reportId: report.id,
      version: report.version,
      comment: '  请补充形象进度照片  ',
    });

    expect(result).toMatchObject({ ok: true, data: { status: 'RETURNED', version: report.version + 1 } });
    expect(await s.reportRow(report.id)).toMatchObject({ status: 'RETURNED', reviewComment: '请补充形象进度照片' });
    const audits = await auditSince(s.db, auditBefore);
    expect(audits).toHaveLength(1);
    const audit = audits[0]!;
    expect(audit).toMatchObject({ action: 'report.return', reason: '请补充形象进度照片' });
    expect(audit.after).toMatchObject({ status: 'RETURNED', reviewComment: '请补充形象进度照片' });
  });

  it('will not return a report without a reason', async () => {
    await signIn(s.db, 'bureau');
    const report = await s.reportOf('jw', 'SUBMITTED');
    const digest = await reportDigest(s.db);
    const result = await s.actions.returnReport({ reportId: report.id, version: report.version, comment: '   ' });
    expect(result).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { comment: [zhCN.validation.reportReturnCommentRequired] },
    });
    expect(await reportDigest(s.db)).toBe(digest);
  });

  it('reviews submitted reports only', async () => {
    await signIn(s.db, 'bureau');
    const draft = await s.reportOf('zjw', 'DRAFT');
    expect(await s.actions.approveReport({ reportId: draft.id, version: draft.version })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '只有已提交的月报可以审核（当前状态：草稿）。',
    });
    expect(await s.actions.returnReport({ reportId: draft.id, version: draft.version, comment: '退回' })).toMatchObject(
      {
        ok: false,
        code: 'CONFLICT',
      },
    );
  });

  it('refuses a stale version', async () => {
    await signIn(s.db, 'bureau');
    const report = await s.reportOf('jw', 'SUBMITTED');
    const digest = await reportDigest(s.db);
    expect(await s.actions.approveReport({ reportId: report.id, version: report.version - 1 })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(await reportDigest(s.db)).toBe(digest);
  });

  it.each(['jw', 'leader'] as const)('is not for %s, not even on its own department’s report', async (username) => {
    await signIn(s.db, username);
    const report = await s.reportOf('jw', 'SUBMITTED');
    const auditBefore = await lastAuditId(s.db);
    expect(await s.actions.approveReport({ reportId: report.id, version: report.version })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(
      await s.actions.returnReport({ reportId: report.id, version: report.version, comment: '退回' }),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect((await s.reportRow(report.id)).status).toBe('SUBMITTED');
    expect(await auditSince(s.db, auditBefore)).toEqual([]);
  });
});

describe('a month’s round trip', () => {
  it('create → submit → return → fix → resubmit → approve leaves one audit row per step', async () => {
    const plan = await s.planWithoutReport('wlw');
    await signIn(s.db, 'wlw');
    const created = await s.actions.saveReportDraft({
      projectPlanId: plan.id,
      month: s.currentMonth,
      version: 0,
      ...reportFields(),
    });
    if (!created.ok) throw new Error(created.message);
    const { reportId } = created.data;
    const submitted = await s.actions.submitReport({ reportId, version: created.data.version });
    if (!submitted.ok) throw new Error(submitted.message);

    await signIn(s.db, 'bureau');
    const returned = await s.actions.returnReport({ reportId, version: submitted.data.version, comment: '金额有误' });
    if (!returned.ok) throw new Error(returned.message);

    await signIn(s.db, 'wlw');
    const fixed = await s.actions.saveReportDraft({
      projectPlanId: plan.id,
      month: s.currentMonth,
      version: returned.data.version,
      ...reportFields({ investedThisMonth: '120' }),
    });
    if (!fixed.ok) throw new Error(fixed.message);
    const resubmitted = await s.actions.submitReport({ reportId, version: fixed.data.version });
    if (!resubmitted.ok) throw new Error(resubmitted.message);

    await signIn(s.db, 'bureau');
    const approved = await s.actions.approveReport({ reportId, version: resubmitted.data.version });
    expect(approved).toEqual({ ok: true, data: { reportId, version: 6, status: 'APPROVED' } });

    const trail = await s.db.auditLog.findMany({
      where: { entity: 'MonthlyReport', entityId: String(reportId) },
      orderBy: { id: 'asc' },
      select: { action: true, actor: true },
    });
    expect(trail).toEqual([
      { action: 'report.saveDraft', actor: 'wlw' },
      { action: 'report.submit', actor: 'wlw' },
      { action: 'report.return', actor: 'bureau' },
      { action: 'report.saveDraft', actor: 'wlw' },
      { action: 'report.submit', actor: 'wlw' },
      { action: 'report.approve', actor: 'bureau' },
    ]);
    expect((await s.reportRow(reportId)).investedThisMonth.toFixed(2)).toBe('120.00');
  });
});
