/**
 * Reopening an approved report: the approved version kept as a revision (as reported beside as revised),
 * the official figure kept until the correction is approved, and the total-investment check counting the later months.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhCN from '@/messages/zh-CN.json';
import { signIn } from '../helpers/actors';
import { auditSince, lastAuditId } from '../helpers/audit';
import { openReportStories, reportDigest, toCents, wan, type ReportStories } from '../helpers/report-stories';

const E = zhCN.reports.errors;
const STATUS = zhCN.reports.status;

let s: ReportStories;
beforeAll(async () => {
  s = await openReportStories({ secondUsers: true });
});
afterAll(async () => s?.close());

describe('reopenReport: correcting an approved report, with the restatement trail', () => {
  it('refuses what is not approved, refuses without a reason, and is not for a department or a leader', async () => {
    const submitted = await s.reportOf('jw', 'SUBMITTED');
    const draft = await s.reportOf('zjw', 'DRAFT');
    const approved = await s.reportOf('zjw', 'APPROVED', s.currentMonth - 1);
    const before = await reportDigest(s.db);

    await signIn(s.db, 'bureau');
    expect(
      await s.actions.reopenReport({ reportId: submitted.id, version: submitted.version, reason: '更正' }),
    ).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: E.notReopenable.replace('{status}', STATUS.SUBMITTED),
    });
    expect(await s.actions.reopenReport({ reportId: draft.id, version: draft.version, reason: '更正' })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: E.notReopenable.replace('{status}', STATUS.DRAFT),
    });
    expect(
      await s.actions.reopenReport({ reportId: approved.id, version: approved.version, reason: '  ' }),
    ).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { reason: [zhCN.validation.reportReopenReasonRequired] },
    });
    expect(await s.actions.reopenReport({ reportId: approved.id, version: approved.version })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { reason: [zhCN.validation.reportReopenReasonRequired] },
    });
    expect(
      await s.actions.reopenReport({ reportId: approved.id, version: approved.version + 1, reason: '更正' }),
    ).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });

    for (const who of ['zjw', 'leader'] as const) {
      await signIn(s.db, who);
      expect(
        await s.actions.reopenReport({ reportId: approved.id, version: approved.version, reason: '更正' }),
      ).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
    }
    expect(await reportDigest(s.db)).toBe(before);
  });

  it('keeps the approved version as revision 1, keeps the official figure until the correction is approved, then a second reopen makes revision 2', async () => {
    const report = await s.reportOf('zjw', 'APPROVED', s.currentMonth - 1, { investedPositive: true });
    const original = await s.reportRow(report.id);
    const oldAmount = original.investedThisMonth.toFixed(2);
    expect(original.approvedInvested?.toFixed(2)).toBe(oldAmount);
    const project = await s.projectOfPlan(report.planId);
    const auditBefore = await lastAuditId(s.db);
    const lastNotification = await s.lastNotificationId();

    // the bureau reopens it
    const bureau = await signIn(s.db, 'bureau');
    const reopened = await s.actions.reopenReport({
      reportId: report.id,
      version: report.version,
      reason: '  核减重复计列的设备购置费  ',
    });
    expect(reopened).toEqual({
      ok: true,
      data: { reportId: report.id, version: report.version + 1, status: 'RETURNED' },
    });
    const afterReopen = await s.reportRow(report.id);
    expect(afterReopen).toMatchObject({
      status: 'RETURNED',
      reviewComment: '核减重复计列的设备购置费',
      reviewedById: bureau.id,
    });
    expect(afterReopen.approvedInvested?.toFixed(2)).toBe(oldAmount);

    const revisions = await s.db.monthlyReportRevision.findMany({
      where: { reportId: report.id },
      orderBy: { revision: 'asc' },
    });
    expect(revisions).toHaveLength(1);
    const [rev1] = revisions;
    expect(rev1).toMatchObject({
      revision: 1,
      progressText: original.progressText,
      approvedById: original.reviewedById,
      approvedAt: original.reviewedAt,
      reopenedById: bureau.id,
      reopenReason: '核减重复计列的设备购置费',
    });
    expect(rev1!.investedThisMonth.toFixed(2)).toBe(oldAmount);
    expect(rev1!.percentComplete?.toFixed(2)).toBe(original.percentComplete?.toFixed(2));
    expect(rev1!.reopenedAt).not.toBeNull();
    expect(rev1!.snapshot).toMatchObject({
      status: 'APPROVED',
      investedThisMonth: original.investedThisMonth.toString(),
      approvedInvested: original.approvedInvested!.toString(),
      progressText: original.progressText,
      nextSteps: original.nextSteps,
      reviewedAt: original.reviewedAt!.toISOString(),
    });

    const reopenAudits = await auditSince(s.db, auditBefore);
    expect(reopenAudits).toHaveLength(1);
    expect(reopenAudits[0]).toMatchObject({
      action: 'report.reopen',
      entity: 'MonthlyReport',
      entityId: String(report.id),
      actor: 'bureau',
      reason: '核减重复计列的设备购置费',
    });
    expect(reopenAudits[0]!.before).toMatchObject({ status: 'APPROVED' });
    expect(reopenAudits[0]!.after).toMatchObject({ status: 'RETURNED', reviewComment: '核减重复计列的设备购置费' });

    const notes = await s.notificationsSince(lastNotification);
    const recipients = await s.activeUserIds({ role: 'DEPARTMENT', departmentId: project.departmentId });
    expect(recipients).toHaveLength(2); // zjw and zjw2, not zjw-old
    expect(notes.map((n) => n.userId).sort((x, y) => x - y)).toEqual(recipients);
    for (const n of notes) {
      expect(n).toMatchObject({
        kind: 'REPORT_REOPENED',
        params: {
          department: '区住房城乡建委',
          year: 2025,
          month: s.currentMonth - 1,
          count: 1,
          project: project.name,
          comment: '核减重复计列的设备购置费',
        },
        link: expect.stringContaining('year=2025'),
      });
    }

    // the department corrects the amount: the official figure does not move yet
    const newCents = toCents(original.investedThisMonth) - 100;
    const newAmount = wan(newCents);
    await signIn(s.db, 'zjw');
    const saved = await s.actions.saveReportDraft(await s.resave(report.id, { investedThisMonth: newAmount }));
    expect(saved).toMatchObject({ ok: true, data: { status: 'RETURNED', version: report.version + 2 } });
    let row = await s.reportRow(report.id);
    expect(row.investedThisMonth.toFixed(2)).toBe(newAmount);
    expect(row.approvedInvested?.toFixed(2)).toBe(oldAmount);

    const resubmitted = await s.actions.submitReport({ reportId: report.id, version: row.version });
    expect(resubmitted).toMatchObject({ ok: true, data: { status: 'SUBMITTED' } });
    row = await s.reportRow(report.id);
    expect(row.approvedInvested?.toFixed(2)).toBe(oldAmount);

    await signIn(s.db, 'bureau');
    const approved = await s.actions.approveReport({ reportId: report.id, version: row.version });
    expect(approved).toMatchObject({ ok: true, data: { status: 'APPROVED' } });
    row = await s.reportRow(report.id);
    expect(row).toMatchObject({ status: 'APPROVED', reviewComment: null });
    expect(row.approvedInvested?.toFixed(2)).toBe(newAmount);
    // as reported (revision 1) beside as revised (the report)
    const stillRev1 = await s.db.monthlyReportRevision.findUniqueOrThrow({
      where: { reportId_revision: { reportId: report.id, revision: 1 } },
    });
    expect(stillRev1).toEqual(rev1);

    // a second correction keeps the first correction too
    const second = await s.actions.reopenReport({ reportId: report.id, version: row.version, reason: '再次核实' });
    expect(second).toMatchObject({ ok: true, data: { status: 'RETURNED' } });
    const all = await s.db.monthlyReportRevision.findMany({
      where: { reportId: report.id },
      orderBy: { revision: 'asc' },
    });
    expect(all.map((r) => [r.revision, r.investedThisMonth.toFixed(2), r.reopenReason])).toEqual([
      [1, oldAmount, '核减重复计列的设备购置费'],
      [2, newAmount, '再次核实'],
    ]);
    expect(all[1]!.approvedById).toBe(bureau.id);
    expect(all[1]!.approvedAt).toEqual(row.reviewedAt);
    expect((await s.reportRow(report.id)).approvedInvested?.toFixed(2)).toBe(newAmount);

    const trail = await s.db.auditLog.findMany({
      where: { entity: 'MonthlyReport', entityId: String(report.id) },
      orderBy: { id: 'asc' },
      select: { action: true, actor: true },
    });
    expect(trail).toEqual([
      { action: 'report.reopen', actor: 'bureau' },
      { action: 'report.saveDraft', actor: 'zjw' },
      { action: 'report.submit', actor: 'zjw' },
      { action: 'report.approve', actor: 'bureau' },
      { action: 'report.reopen', actor: 'bureau' },
    ]);
  });

  it('counts the later months when an earlier month is corrected: a restated month past the total is flagged', async () => {
    // A November draft and its plan's October report (approved), which the bureau reopens.
    const november = await s.reportOf('zjw', 'DRAFT', s.currentMonth, { stageNot: 'PRELIMINARY', priorApproved: true });
    const october = await s.db.monthlyReport.findUniqueOrThrow({
      where: { planId_month: { planId: november.planId, month: s.currentMonth - 1 } },
    });
    expect(october.status).toBe('APPROVED');
    s.use(october.id);
    const plan = await s.db.projectPlan.findUniqueOrThrow({ where: { id: november.planId } });
    const others = await s.db.monthlyReport.findMany({ where: { planId: plan.id, month: { not: october.month } } });
    const othersCents = others.reduce((sum, r) => sum + toCents(r.investedThisMonth), 0);
    // leave room for exactly 500.00 in October
    const totalCents = toCents(plan.cumulativeBeforeYear) + othersCents + 50_000;
    await s.arrange(
      plan.id,
      { stage: 'ONGOING', annualPlan: null },
      { totalInvestment: wan(totalCents), actualStart: new Date('2024-03-01T00:00:00Z') },
    );

    await signIn(s.db, 'bureau');
    const reopened = await s.actions.reopenReport({
      reportId: october.id,
      version: october.version,
      reason: '更正十月投资',
    });
    if (!reopened.ok) throw new Error(reopened.message);

    await signIn(s.db, 'zjw');
    const over = await s.actions.saveReportDraft(await s.resave(october.id, { investedThisMonth: '500.01' }));
    expect(over).toMatchObject({ ok: true });
    if (!over.ok) return;
    expect(over.data.flags.find((f) => f.code === 'cumulativeAboveTotal')?.params).toEqual({
      cumulative: wan(totalCents + 1),
      total: wan(totalCents),
      excess: '0.01',
    });

    const exact = await s.actions.saveReportDraft(await s.resave(october.id, { investedThisMonth: '500.00' }));
    expect(exact).toMatchObject({ ok: true });
    if (!exact.ok) return;
    expect(exact.data.flags.map((f) => f.code)).not.toContain('cumulativeAboveTotal');
  });
});
