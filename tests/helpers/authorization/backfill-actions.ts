/**
 * The authorization matrix's rows for the bureau's backfill of past months (lib/actions/report-backfill.ts): the
 * bureau and the admin check and commit a 调度表; nobody else does. The commit's input restates an October report of
 * the own department with a figure of its own, so every allowed call changes something (and audits it).
 */
import { createHash } from 'node:crypto';
import { parseDispatchSheet } from '@/lib/domain/dispatch-sheet/parse';
import { readWorkbook } from '@/lib/domain/project-sheet/read-grid';
import { planBackfill } from '@/lib/server/reports/backfill/plan-backfill';
import { dispatchFile, dispatchWorkbook } from '../backfill-sheets';
import { REVIEWERS, type ActionCase, type Fixtures } from './matrix';

/** October's 调度表 with one project of the own department, its figure moved by a number no other call used. */
async function octoberFile(fx: Fixtures) {
  const report = await fx.db.monthlyReport.findFirstOrThrow({
    where: {
      month: 10,
      status: 'APPROVED',
      plan: { planYear: { year: 2025 }, project: { departmentId: fx.ownDepartmentId }, stage: { not: 'PRELIMINARY' } },
    },
    include: { plan: { include: { project: true, planYear: true } } },
    orderBy: { id: 'asc' },
  });
  const figure = report.investedThisMonth.plus(fx.seq() / 100).toFixed(2);
  const { code, name } = report.plan.project;
  const bytes = await dispatchWorkbook(2025, 10, [{ code, name, thisMonth: figure, cumulative: null }]);
  return { bytes, planYearId: report.plan.planYearId };
}

export const BACKFILL_ACTIONS: Record<string, ActionCase> = {
  'report.backfillDryRun': {
    scoped: false,
    row: REVIEWERS,
    input: async (fx) => ({ year: 2025, month: 10, file: dispatchFile((await octoberFile(fx)).bytes) }),
  },
  'report.backfill': {
    scoped: false,
    row: REVIEWERS,
    // as after the check: its digest, computed the way the dry run computes it
    input: async (fx) => {
      const { bytes, planYearId } = await octoberFile(fx);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const sheet = parseDispatchSheet(readWorkbook(bytes));
      const { summary } = await fx.db.$transaction((tx) =>
        planBackfill(tx, { planYearId, year: 2025, month: 10, fileName: '调度表.xlsx', sha256, sheet }),
      );
      return { year: 2025, month: 10, file: dispatchFile(bytes), digest: summary.digest, reason: '矩阵测试' };
    },
  },
};
