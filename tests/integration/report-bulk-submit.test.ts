/**
 * Submitting several reports at once (the batch entry's 'submit ticked' and 'submit all'): all or nothing,
 * one audit row per report, one notification per bureau user and month. Each story signs in as a seeded user and
 * calls the real exported action against a throwaway copy of the seeded database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhCN from '@/messages/zh-CN.json';
import { signIn } from '../helpers/actors';
import { auditSince, lastAuditId } from '../helpers/audit';
import { openReportStories, reportDigest, type ReportStories } from '../helpers/report-stories';

const E = zhCN.reports.errors;
const STATUS = zhCN.reports.status;

let s: ReportStories;
beforeAll(async () => {
  s = await openReportStories({ secondUsers: true });
});
afterAll(async () => s?.close());

describe('submitReports (bulk)', () => {
  it('submits several drafts at once: each SUBMITTED with its own audit row, ONE notification per bureau user per month', async () => {
    const november = await s.reportsOf('zjw', 'DRAFT', 3);
    // An October report sent back for correction goes in the same batch: a second month, a second notification.
    const october = await s.reportOf('zjw', 'APPROVED', s.currentMonth - 1);
    await s.db.monthlyReport.update({
      where: { id: october.id },
      data: { status: 'RETURNED', reviewComment: '请核实' },
    });
    const batch = [...november, october];
    const auditBefore = await lastAuditId(s.db);
    const lastNotification = await s.lastNotificationId();

    const zjw = await signIn(s.db, 'zjw');
    const result = await s.actions.submitReports({
      reports: batch.map((r) => ({ reportId: r.id, version: r.version })),
    });

    expect(result).toEqual({
      ok: true,
      data: batch.map((r) => ({ reportId: r.id, version: r.version + 1, status: 'SUBMITTED' })),
    });
    for (const r of batch) {
      expect(await s.reportRow(r.id)).toMatchObject({
        status: 'SUBMITTED',
        version: r.version + 1,
        submittedById: zjw.id,
      });
    }

    const audits = await auditSince(s.db, auditBefore);
    expect(audits.map((a) => [a.action, a.entity, a.entityId, a.actor])).toEqual(
      batch.map((r) => ['report.submit', 'MonthlyReport', String(r.id), 'zjw']),
    );
    expect(audits[0]!.before).toMatchObject({ status: 'DRAFT', submittedById: null });
    expect(audits[3]!.before).toMatchObject({ status: 'RETURNED' });
    for (const a of audits) expect(a.after).toMatchObject({ status: 'SUBMITTED', submittedById: zjw.id });

    const bureauIds = await s.activeUserIds({ role: 'BUREAU' });
    const octoberProject = (await s.projectOfPlan(october.planId)).name;
    expect(bureauIds).toHaveLength(2); // bureau and bureau2; bureau-old is inactive
    const notes = await s.notificationsSince(lastNotification);
    const expected = bureauIds.flatMap((userId) => [
      {
        userId,
        kind: 'REPORTS_SUBMITTED',
        params: { department: '区住房城乡建委', year: 2025, month: s.currentMonth, count: 3 },
        link: expect.stringMatching(new RegExp(`year=2025&month=${s.currentMonth}(&|$)`)),
      },
      {
        userId,
        kind: 'REPORTS_SUBMITTED',
        params: {
          department: '区住房城乡建委',
          year: 2025,
          month: s.currentMonth - 1,
          count: 1,
          project: octoberProject,
        },
        link: expect.stringMatching(new RegExp(`year=2025&month=${s.currentMonth - 1}(&|$)`)),
      },
    ]);
    const shape = (n: { userId: number; kind: string; params: unknown; link: string }) => ({
      userId: n.userId,
      kind: n.kind,
      params: n.params,
      link: n.link,
    });
    const monthOf = (n: { params: unknown }) => (n.params as { month: number }).month;
    const byKey = (x: { userId: number; params: unknown }, y: { userId: number; params: unknown }) =>
      x.userId - y.userId || monthOf(x) - monthOf(y);
    expect(notes.map(shape).sort(byKey)).toEqual(expected.sort(byKey));
    expect(notes.every((n) => n.readAt === null)).toBe(true);
  });

  it('refuses the whole batch when one report is stale: nothing changes, no audit row, no notification', async () => {
    const [fresh, stale] = await s.reportsOf('zjw', 'DRAFT', 2);
    await signIn(s.db, 'zjw');
    // someone saved the second meanwhile
    const meanwhile = await s.actions.saveReportDraft(await s.resave(stale!.id, { progressText: '他人已修改' }));
    expect(meanwhile).toMatchObject({ ok: true });
    const before = await reportDigest(s.db);

    const result = await s.actions.submitReports({
      reports: [
        { reportId: fresh!.id, version: fresh!.version },
        { reportId: stale!.id, version: stale!.version },
      ],
    });

    expect(result).toEqual({ ok: false, code: 'CONFLICT', message: E.staleBatch.replace('{count}', '1') });
    expect(await reportDigest(s.db)).toBe(before);
    expect((await s.reportRow(fresh!.id)).status).toBe('DRAFT');
  });

  it('refuses a batch holding another department’s report exactly like a missing one, changing nothing', async () => {
    const [own] = await s.reportsOf('zjw', 'DRAFT', 1);
    const theirs = await s.reportOf('jfb', 'DRAFT');
    await signIn(s.db, 'zjw');
    const before = await reportDigest(s.db);

    const withTheirs = await s.actions.submitReports({
      reports: [
        { reportId: own!.id, version: own!.version },
        { reportId: theirs.id, version: theirs.version },
      ],
    });
    const withMissing = await s.actions.submitReports({
      reports: [
        { reportId: own!.id, version: own!.version },
        { reportId: 99_999_999, version: 1 },
      ],
    });

    expect(withTheirs).toEqual({ ok: false, code: 'NOT_FOUND', message: zhCN.actionErrors.NOT_FOUND });
    expect(withMissing).toEqual(withTheirs);
    expect(await reportDigest(s.db)).toBe(before);
  });

  it('refuses an empty batch, a report named twice, and a batch holding a submitted report', async () => {
    const [a, b] = await s.reportsOf('zjw', 'DRAFT', 2);
    await signIn(s.db, 'zjw');
    const before = await reportDigest(s.db);
    expect(await s.actions.submitReports({ reports: [] })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { reports: [zhCN.validation.reportBatchEmpty] },
    });
    expect(
      await s.actions.submitReports({
        reports: [
          { reportId: a!.id, version: a!.version },
          { reportId: a!.id, version: a!.version },
        ],
      }),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    await s.db.monthlyReport.update({ where: { id: b!.id }, data: { status: 'SUBMITTED' } });
    const afterSetup = await reportDigest(s.db);
    const name = (await s.projectOfPlan(b!.planId)).name;
    expect(
      await s.actions.submitReports({
        reports: [
          { reportId: a!.id, version: a!.version },
          { reportId: b!.id, version: b!.version },
        ],
      }),
    ).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: `“${name}”：${E.notSubmittable.replace('{status}', STATUS.SUBMITTED)}本次批量操作全部未生效。`,
    });
    expect(await reportDigest(s.db)).toBe(afterSetup);
    expect(before).not.toBe(afterSetup);
  });

  it('is not for the bureau or a leader', async () => {
    const [r] = await s.reportsOf('zjw', 'DRAFT', 1);
    const before = await reportDigest(s.db);
    for (const who of ['bureau', 'leader'] as const) {
      await signIn(s.db, who);
      expect(await s.actions.submitReports({ reports: [{ reportId: r!.id, version: r!.version }] })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
    }
    expect(await reportDigest(s.db)).toBe(before);
  });
});
