/**
 * A month the bureau reopens for correction keeps counting with the figure approved before, until the correction
 * is approved: in the project's approved total (summed in SQL) and in its S-curve (lib/domain/cumulative.ts)
 * alike, because both read "the approved figure of a month" (lib/domain/approved-figure.ts). The story runs
 * through the server writes the actions call, against a seeded throwaway database.
 */
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import type { Permission } from '@/lib/auth/permissions';
import { cumulativeSeries } from '@/lib/domain/cumulative';
import type { Tx } from '@/lib/server/audit';
import { getProject, type ProjectPlanDetail } from '@/lib/server/projects/get-project';
import { saveReportDraft } from '@/lib/server/reports/save-report-draft';
import { transitionReports } from '@/lib/server/reports/workflow';
import { createWriteContext, type WriteContext } from '@/lib/server/write-context';
import { ZSaveReportDraft } from '@/lib/validations/report';
import { actorOf } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;

/** One server write in its own transaction, as the action wrapper runs it. */
function write<I, T>(actor: Actor, permission: Permission, input: I, run: (ctx: WriteContext<I>) => Promise<T>) {
  return t.db.$transaction((tx) => run(createWriteContext(tx as Tx, { actor, ip: '127.0.0.1', input, permission })));
}

/** The last point of the S-curve: what the chart says the project has had approved. */
function curveEnd(plan: ProjectPlanDetail): string | undefined {
  return cumulativeSeries(plan.monthlyPlan, plan.reports)
    .actual.filter((v) => v !== null)
    .at(-1);
}

beforeAll(async () => {
  t = await createTestDatabase('seeded');
});

afterAll(async () => {
  await t?.drop();
});

describe('a reopened month', () => {
  it('stays in the approved total and in the S-curve at its approved figure until the correction is approved', async () => {
    const bureau = await actorOf(t.db, 'bureau');
    const zjw = await actorOf(t.db, 'zjw');
    // the latest approved month of one of the department's 2025 projects, with investment in it
    const approved = await t.db.monthlyReport.findFirstOrThrow({
      where: {
        status: 'APPROVED',
        investedThisMonth: { gt: 0 },
        plan: { planYear: { year: 2025 }, project: { departmentId: zjw.departmentId! } },
      },
      orderBy: [{ month: 'desc' }, { id: 'asc' }],
      select: {
        id: true,
        version: true,
        month: true,
        investedThisMonth: true,
        plan: { select: { id: true, projectId: true } },
      },
    });
    const read = async () => (await getProject(t.db, bureau, { id: approved.plan.projectId, year: 2025 })).plan!;
    const before = await read();
    expect(curveEnd(before)).toBe(before.totals.approved);

    const [reopened] = await write(bureau, 'report.review', null, (ctx) =>
      transitionReports(ctx, 'reopen', [{ reportId: approved.id, version: approved.version }], '金额填报有误'),
    );
    const correction = new Decimal(approved.investedThisMonth.toString()).div(2).toFixed(2);
    await write(
      zjw,
      'report.edit',
      ZSaveReportDraft.parse({
        projectPlanId: approved.plan.id,
        month: approved.month,
        version: reopened!.version,
        investedThisMonth: correction,
      }),
      saveReportDraft,
    );

    const during = await read();
    const month = during.reports.find((r) => r.month === approved.month)!;
    expect(month).toMatchObject({
      status: 'RETURNED',
      investedThisMonth: correction,
      approvedInvested: approved.investedThisMonth.toFixed(2),
    });
    // the official total has not moved, and the curve still ends on it: the reopened month is in both
    expect(during.totals.approved).toBe(before.totals.approved);
    expect(curveEnd(during)).toBe(during.totals.approved);
    expect(cumulativeSeries(during.monthlyPlan, during.reports).actual[approved.month - 1]).not.toBeNull();
  });
});
