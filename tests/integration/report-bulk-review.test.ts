/**
 * The bureau's review in bulk: approving or returning many reports in one step, all or nothing, with
 * the figure approval makes official and the notification a return sends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhCN from '@/messages/zh-CN.json';
import { actorOf, signIn } from '../helpers/actors';
import { auditSince, lastAuditId } from '../helpers/audit';
import { openReportStories, reportDigest, type ReportStories } from '../helpers/report-stories';

const E = zhCN.reports.errors;
const STATUS = zhCN.reports.status;

let s: ReportStories;
beforeAll(async () => {
  s = await openReportStories({ secondUsers: true });
});
afterAll(async () => s?.close());

describe('approveReports (bulk)', () => {
  it('approves a batch across departments: approvedInvested = investedThisMonth on each, one audit row each, no notification', async () => {
    const jw = await s.reportsOf('jw', 'SUBMITTED', 2);
    // a 区住房城乡建委 draft, submitted by its department first
    const [draft] = await s.reportsOf('zjw', 'DRAFT', 1);
    await signIn(s.db, 'zjw');
    const submitted = await s.actions.submitReport({ reportId: draft!.id, version: draft!.version });
    if (!submitted.ok) throw new Error(submitted.message);
    const batch = [...jw, { ...draft!, version: submitted.data.version }];
    for (const r of batch) expect((await s.reportRow(r.id)).approvedInvested).toBeNull();
    const auditBefore = await lastAuditId(s.db);
    const lastNotification = await s.lastNotificationId();

    const bureau = await signIn(s.db, 'bureau');
    const result = await s.actions.approveReports({
      reports: batch.map((r) => ({ reportId: r.id, version: r.version })),
    });

    expect(result).toEqual({
      ok: true,
      data: batch.map((r) => ({ reportId: r.id, version: r.version + 1, status: 'APPROVED' })),
    });
    for (const r of batch) {
      const row = await s.reportRow(r.id);
      expect(row).toMatchObject({ status: 'APPROVED', reviewedById: bureau.id, reviewComment: null });
      expect(row.approvedInvested?.toFixed(2)).toBe(row.investedThisMonth.toFixed(2));
    }
    const audits = await auditSince(s.db, auditBefore);
    expect(audits.map((a) => [a.action, a.entityId, a.actor])).toEqual(
      batch.map((r) => ['report.approve', String(r.id), 'bureau']),
    );
    for (const [i, a] of audits.entries()) {
      const row = await s.reportRow(batch[i]!.id);
      expect(a.before).toMatchObject({ status: 'SUBMITTED', approvedInvested: null });
      expect(a.after).toMatchObject({
        status: 'APPROVED',
        approvedInvested: row.investedThisMonth.toString(),
        reviewedById: bureau.id,
      });
    }
    expect(await s.notificationsSince(lastNotification)).toEqual([]);
  });

  it('refuses the whole batch when one report is not submitted, naming its project, and changes nothing', async () => {
    const jw = await s.reportsOf('jw', 'SUBMITTED', 2);
    const draft = await s.reportOf('zjw', 'DRAFT');
    const name = (await s.projectOfPlan(draft.planId)).name;
    await signIn(s.db, 'bureau');
    const before = await reportDigest(s.db);

    const result = await s.actions.approveReports({
      reports: [...jw, draft].map((r) => ({ reportId: r.id, version: r.version })),
    });

    expect(result).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: `“${name}”：${E.notReviewable.replace('{status}', STATUS.DRAFT)}本次批量操作全部未生效。`,
    });
    expect(await reportDigest(s.db)).toBe(before);
    for (const r of jw) expect((await s.reportRow(r.id)).status).toBe('SUBMITTED');
  });

  it('refuses the whole batch when one report is stale', async () => {
    const [a, b] = await s.reportsOf('jw', 'SUBMITTED', 2);
    await signIn(s.db, 'bureau');
    const before = await reportDigest(s.db);
    const result = await s.actions.approveReports({
      reports: [
        { reportId: a!.id, version: a!.version },
        { reportId: b!.id, version: b!.version - 1 },
      ],
    });
    expect(result).toEqual({ ok: false, code: 'CONFLICT', message: E.staleBatch.replace('{count}', '1') });
    expect(await reportDigest(s.db)).toBe(before);
  });

  it.each(['jw', 'leader'] as const)('is not for %s', async (username) => {
    const [a] = await s.reportsOf('jw', 'SUBMITTED', 1);
    await signIn(s.db, username);
    const before = await reportDigest(s.db);
    expect(await s.actions.approveReports({ reports: [{ reportId: a!.id, version: a!.version }] })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await reportDigest(s.db)).toBe(before);
  });
});

describe('returnReports (bulk, one comment)', () => {
  it('returns the batch with the comment and notifies only the department’s active users, once each', async () => {
    const batch = await s.reportsOf('jw', 'SUBMITTED', 2);
    const auditBefore = await lastAuditId(s.db);
    const lastNotification = await s.lastNotificationId();
    const bureau = await signIn(s.db, 'bureau');

    const result = await s.actions.returnReports({
      reports: batch.map((r) => ({ reportId: r.id, version: r.version })),
      comment: '  请补充形象进度照片并核实本月投资  ',
    });

    expect(result).toEqual({
      ok: true,
      data: batch.map((r) => ({ reportId: r.id, version: r.version + 1, status: 'RETURNED' })),
    });
    for (const r of batch) {
      expect(await s.reportRow(r.id)).toMatchObject({
        status: 'RETURNED',
        reviewComment: '请补充形象进度照片并核实本月投资',
        reviewedById: bureau.id,
        approvedInvested: null,
      });
    }
    const audits = await auditSince(s.db, auditBefore);
    expect(audits.map((a) => [a.action, a.entityId, a.actor, a.reason])).toEqual(
      batch.map((r) => ['report.return', String(r.id), 'bureau', '请补充形象进度照片并核实本月投资']),
    );
    for (const a of audits)
      expect(a.after).toMatchObject({ status: 'RETURNED', reviewComment: '请补充形象进度照片并核实本月投资' });

    const [jw, jw2] = [await actorOf(s.db, 'jw'), await actorOf(s.db, 'jw2')];
    const recipients = await s.activeUserIds({ role: 'DEPARTMENT', departmentId: jw.departmentId! });
    expect(recipients).toEqual([jw.id, jw2.id].sort((x, y) => x - y)); // not jw-old
    const notes = await s.notificationsSince(lastNotification);
    expect(notes.map((n) => n.userId).sort((x, y) => x - y)).toEqual(recipients);
    for (const n of notes) {
      expect(n).toMatchObject({
        kind: 'REPORT_RETURNED',
        params: {
          department: '区教委',
          year: 2025,
          month: s.currentMonth,
          count: 2,
          comment: '请补充形象进度照片并核实本月投资',
        },
        link: expect.stringMatching(new RegExp(`year=2025&month=${s.currentMonth}(&|$)`)),
        readAt: null,
      });
    }
  });

  it('will not return without a comment, and returns submitted reports only', async () => {
    const [a] = await s.reportsOf('jw', 'SUBMITTED', 1);
    const draft = await s.reportOf('zjw', 'DRAFT');
    await signIn(s.db, 'bureau');
    const before = await reportDigest(s.db);
    expect(
      await s.actions.returnReports({ reports: [{ reportId: a!.id, version: a!.version }], comment: '   ' }),
    ).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { comment: [zhCN.validation.reportReturnCommentRequired] },
    });
    const name = (await s.projectOfPlan(draft.planId)).name;
    expect(
      await s.actions.returnReports({
        reports: [
          { reportId: a!.id, version: a!.version },
          { reportId: draft.id, version: draft.version },
        ],
        comment: '退回',
      }),
    ).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: `“${name}”：${E.notReviewable.replace('{status}', STATUS.DRAFT)}本次批量操作全部未生效。`,
    });
    expect(await reportDigest(s.db)).toBe(before);
  });
});
