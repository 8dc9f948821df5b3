/**
 * What an approved report states as fact becomes the project's: the actual start date of a new start, a
 * 前期 milestone reached. Not before approval, and audited as the approval's consequence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../helpers/actors';
import { auditSince, lastAuditId } from '../helpers/audit';
import { HUGE, openReportStories, type ReportStories } from '../helpers/report-stories';

let s: ReportStories;
beforeAll(async () => {
  s = await openReportStories();
});
afterAll(async () => s?.close());

describe('approval applies what the report states as fact', () => {
  it('sets the project’s actual start from a NEW_START report on approval, not before, audited', async () => {
    const report = await s.reportOf('zjw', 'DRAFT');
    await s.arrange(
      report.planId,
      { stage: 'NEW_START', annualPlan: null },
      { totalInvestment: HUGE, actualStart: null },
    );
    const projectId = (await s.projectOfPlan(report.planId)).id;

    await signIn(s.db, 'zjw');
    const saved = await s.actions.saveReportDraft(
      await s.resave(report.id, { investedThisMonth: '10', actualStart: '2025-11-03', actualCompletion: '' }),
    );
    if (!saved.ok) throw new Error(saved.message);
    const submitted = await s.actions.submitReport({ reportId: report.id, version: saved.data.version });
    if (!submitted.ok) throw new Error(submitted.message);
    expect((await s.projectOfPlan(report.planId)).actualStart).toBeNull();

    await signIn(s.db, 'bureau');
    const auditBefore = await lastAuditId(s.db);
    const approved = await s.actions.approveReport({ reportId: report.id, version: submitted.data.version });
    expect(approved).toMatchObject({ ok: true, data: { status: 'APPROVED' } });

    expect((await s.projectOfPlan(report.planId)).actualStart).toEqual(new Date('2025-11-03T00:00:00Z'));
    const audits = await auditSince(s.db, auditBefore);
    expect(audits.map((a) => [a.action, a.entity, a.entityId])).toEqual([
      ['report.approve', 'MonthlyReport', String(report.id)],
      ['project.applyReport', 'Project', String(projectId)],
    ]);
    expect(audits[1]).toMatchObject({
      actor: 'bureau',
      before: { actualStart: null },
      after: { actualStart: '2025-11-03T00:00:00.000Z' },
      reason: `MonthlyReport #${report.id}`,
    });
  });

  it('marks a 前期 milestone DONE with its date on approval, not before, audited', async () => {
    const report = await s.reportOf('zjw', 'DRAFT');
    await s.arrange(report.planId, { stage: 'PRELIMINARY', annualPlan: null }, { totalInvestment: HUGE });
    const projectId = (await s.projectOfPlan(report.planId)).id;
    const milestone = await s.db.preliminaryMilestone.upsert({
      where: { projectId_kind: { projectId, kind: 'LAND' } },
      create: { projectId, kind: 'LAND', status: 'IN_PROGRESS', plannedDate: new Date('2025-10-15T00:00:00Z') },
      update: { status: 'IN_PROGRESS', actualDate: null },
    });

    await signIn(s.db, 'zjw');
    const saved = await s.actions.saveReportDraft(
      await s.resave(report.id, {
        investedThisMonth: '0',
        milestoneUpdates: [{ kind: 'LAND', date: '2025-11-03' }],
        blockers: '等待规划许可',
      }),
    );
    if (!saved.ok) throw new Error(saved.message);
    expect((await s.reportRow(report.id)).milestoneUpdates).toEqual([{ kind: 'LAND', date: '2025-11-03' }]);
    const submitted = await s.actions.submitReport({ reportId: report.id, version: saved.data.version });
    if (!submitted.ok) throw new Error(submitted.message);
    expect(await s.db.preliminaryMilestone.findUniqueOrThrow({ where: { id: milestone.id } })).toMatchObject({
      status: 'IN_PROGRESS',
      actualDate: null,
    });

    await signIn(s.db, 'bureau');
    const auditBefore = await lastAuditId(s.db);
    const approved = await s.actions.approveReport({ reportId: report.id, version: submitted.data.version });
    expect(approved).toMatchObject({ ok: true, data: { status: 'APPROVED' } });

    expect(await s.db.preliminaryMilestone.findUniqueOrThrow({ where: { id: milestone.id } })).toMatchObject({
      status: 'DONE',
      actualDate: new Date('2025-11-03T00:00:00Z'),
      plannedDate: new Date('2025-10-15T00:00:00Z'),
    });
    const audits = await auditSince(s.db, auditBefore);
    expect(audits.map((a) => [a.action, a.entity, a.entityId])).toEqual([
      ['report.approve', 'MonthlyReport', String(report.id)],
      ['milestone.applyReport', 'PreliminaryMilestone', String(milestone.id)],
    ]);
    expect(audits[1]).toMatchObject({
      actor: 'bureau',
      before: { kind: 'LAND', status: 'IN_PROGRESS', actualDate: null },
      after: { kind: 'LAND', status: 'DONE', actualDate: '2025-11-03T00:00:00.000Z' },
      reason: `MonthlyReport #${report.id}`,
    });
  });
});
