/**
 * The authorization matrix's rows for the monthly report actions: a department saves and submits its own
 * reports; the bureau and the admin review (approve, return, reopen) every department's.
 */
import { identityText, MONTH_SHEET_COLUMNS } from '@/lib/domain/month-sheet/columns';
import { departmentOf, REVIEWERS, row, reportOf, type ActionCase, type Fixtures, type Target } from './matrix';

/** A month sheet (CSV) of a department's November; a row sets the amount of one report, at its version. */
export function monthSheetCsv(departmentId: number, rows: { code: string; invested: string; version: number }[] = []) {
  const line = (r: (typeof rows)[number]) =>
    MONTH_SHEET_COLUMNS.map((c) =>
      c.key === 'code' ? r.code : c.key === 'invested' ? r.invested : c.key === 'version' ? String(r.version) : '',
    ).join(',');
  const csv = [
    identityText({ year: 2025, month: 11, departmentId }),
    '单位：万元',
    MONTH_SHEET_COLUMNS.map((c) => c.header(11)).join(','),
    ...rows.map(line),
  ].join('\n');
  return new File([csv], '填报表.csv', { type: 'text/csv' });
}

/** Two November reports of the target department, put in this state; their ids and versions. */
async function reportsOf(fx: Fixtures, target: Target, status: 'DRAFT' | 'SUBMITTED') {
  const found = await fx.db.monthlyReport.findMany({
    where: { month: 11, plan: { project: { departmentId: departmentOf(fx, target) }, stage: { not: 'PRELIMINARY' } } },
    orderBy: { id: 'asc' },
    take: 2,
  });
  await fx.db.monthlyReport.updateMany({ where: { id: { in: found.map((r) => r.id) } }, data: { status } });
  return found.map((r) => ({ reportId: r.id, version: r.version }));
}

export const REPORT_ACTIONS: Record<string, ActionCase> = {
  // a department's own month only: the bureau edits no department's drafts (report.edit)
  'report.monthSheetCheck': {
    scoped: false,
    row: row('-', 'own', '-', '-'),
    input: async (fx) => ({ year: 2025, month: 11, file: monthSheetCsv(fx.ownDepartmentId) }),
  },
  'report.monthSheetImport': {
    scoped: false,
    row: row('-', 'own', '-', '-'),
    // a draft of the own department with a new amount, so that the import writes
    input: async (fx) => {
      const r = await fx.db.monthlyReport.findFirstOrThrow({
        where: {
          month: 11,
          status: 'DRAFT',
          plan: { project: { departmentId: fx.ownDepartmentId }, stage: { not: 'PRELIMINARY' } },
        },
        select: { version: true, plan: { select: { project: { select: { code: true } } } } },
        orderBy: { id: 'asc' },
      });
      const file = monthSheetCsv(fx.ownDepartmentId, [
        { code: r.plan.project.code, invested: `${fx.seq()}.25`, version: r.version },
      ]);
      return { year: 2025, month: 11, file };
    },
  },
  'report.saveDraft': {
    scoped: true,
    row: row('-', 'own', '-', '-'),
    input: async (fx, target) => {
      const r = await reportOf(fx, target, 'DRAFT');
      return {
        projectPlanId: r.planId,
        month: 11,
        version: r.version,
        investedThisMonth: '12.50',
        progressText: '主体结构施工',
        problems: '',
        coordinationNeeded: '',
        nextSteps: '',
      };
    },
  },
  'report.submit': {
    scoped: true,
    row: row('-', 'own', '-', '-'),
    input: async (fx, target) => {
      const r = await reportOf(fx, target, 'DRAFT');
      return { reportId: r.reportId, version: r.version };
    },
  },
  'report.approve': {
    scoped: true,
    row: REVIEWERS,
    input: async (fx, target) => {
      const r = await reportOf(fx, target, 'SUBMITTED');
      return { reportId: r.reportId, version: r.version };
    },
  },
  'report.return': {
    scoped: true,
    row: REVIEWERS,
    input: async (fx, target) => {
      const r = await reportOf(fx, target, 'SUBMITTED');
      return { reportId: r.reportId, version: r.version, comment: '请补充形象进度说明' };
    },
  },
  'report.submitMany': {
    scoped: true,
    row: row('-', 'own', '-', '-'),
    input: async (fx, target) => ({ reports: await reportsOf(fx, target, 'DRAFT') }),
  },
  'report.approveMany': {
    scoped: true,
    row: REVIEWERS,
    input: async (fx, target) => ({ reports: await reportsOf(fx, target, 'SUBMITTED') }),
  },
  'report.returnMany': {
    scoped: true,
    row: REVIEWERS,
    input: async (fx, target) => ({ reports: await reportsOf(fx, target, 'SUBMITTED'), comment: '请补充形象进度说明' }),
  },
  'report.reopen': {
    scoped: true,
    row: REVIEWERS,
    input: async (fx, target) => {
      // an October report, approved (again, after an allowed cell reopened it)
      const report = await fx.db.monthlyReport.findFirstOrThrow({
        where: {
          month: 10,
          plan: { project: { departmentId: departmentOf(fx, target) }, stage: { not: 'PRELIMINARY' } },
        },
        orderBy: { id: 'asc' },
      });
      const updated = await fx.db.monthlyReport.update({ where: { id: report.id }, data: { status: 'APPROVED' } });
      return { reportId: updated.id, version: updated.version, reason: '更正本月完成投资' };
    },
  },
};
