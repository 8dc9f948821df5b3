/**
 * The who-has-not-reported board against the seeded 2025 plan: November (the reporting month, due 5 December).
 * The counts are checked against Prisma's own counting, the lateness against a fixed "today".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReportBoard, type ReportBoardRow } from '@/lib/server/reports/get-report-board';
import { actorOf } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;

/** One department's November counts, counted another way: Prisma's groupBy over its reports, plans minus reports. */
async function expectedCounts(departmentId: number, month = 11) {
  const where = { planYear: { year: 2025 }, project: { departmentId } };
  const [plans, byStatus] = await Promise.all([
    t.db.projectPlan.count({ where }),
    t.db.monthlyReport.groupBy({ by: ['status'], where: { month, plan: where }, _count: { _all: true } }),
  ]);
  const of = (status: string) => byStatus.find((g) => g.status === status)?._count._all ?? 0;
  const reported = byStatus.reduce((sum, g) => sum + g._count._all, 0);
  return {
    total: plans,
    missing: plans - reported,
    draft: of('DRAFT'),
    submitted: of('SUBMITTED'),
    returned: of('RETURNED'),
    approved: of('APPROVED'),
  };
}

function counts(row: ReportBoardRow) {
  const { total, missing, draft, submitted, returned, approved } = row;
  return { total, missing, draft, submitted, returned, approved };
}

beforeAll(async () => {
  t = await createTestDatabase('seeded');
});

afterAll(async () => {
  await t?.drop();
});

describe('getReportBoard', () => {
  it('counts each department’s November projects by report state exactly as the database holds them', async () => {
    const board = await getReportBoard(t.db, await actorOf(t.db, 'bureau'), {
      year: 2025,
      month: 11,
      today: '2025-12-08',
    });
    expect(board).not.toBeNull();
    const departmentsWithPlans = await t.db.department.findMany({
      where: { projects: { some: { plans: { some: { planYear: { year: 2025 } } } } } },
      select: { id: true, name: true },
    });
    expect(board!.rows.map((r) => r.departmentId).sort((a, b) => a - b)).toEqual(
      departmentsWithPlans.map((d) => d.id).sort((a, b) => a - b),
    );
    for (const row of board!.rows) {
      expect({ department: row.departmentName, ...counts(row) }).toEqual({
        department: departmentsWithPlans.find((d) => d.id === row.departmentId)!.name,
        ...(await expectedCounts(row.departmentId)),
      });
    }
    // the totals line is the whole plan: 421 projects
    expect(board!.totals.total).toBe(421);
    for (const key of ['total', 'missing', 'draft', 'submitted', 'returned', 'approved'] as const) {
      expect(board!.totals[key]).toBe(board!.rows.reduce((sum, r) => sum + r[key], 0));
    }
  });

  it('gives the deadline as the 5th of December and marks departments with reports outstanding 3 days late on 8 December', async () => {
    const board = (await getReportBoard(t.db, await actorOf(t.db, 'bureau'), {
      year: 2025,
      month: 11,
      today: '2025-12-08',
    }))!;
    expect(board.deadline).toBe('2025-12-05');
    expect(board.lateCount).toBeGreaterThan(0);
    for (const row of board.rows) {
      const outstanding = row.missing + row.draft + row.returned;
      expect(row.outstanding).toBe(outstanding);
      if (outstanding > 0) expect(row).toMatchObject({ late: true, state: 'late', daysOverdue: 3 });
      else expect(row).toMatchObject({ late: false, state: 'done', daysOverdue: 0 });
    }
    expect(board.lateCount).toBe(board.rows.filter((r) => r.late).length);
  });

  it('is on time up to the deadline day itself', async () => {
    const board = (await getReportBoard(t.db, await actorOf(t.db, 'bureau'), {
      year: 2025,
      month: 11,
      today: '2025-12-05',
    }))!;
    expect(board.lateCount).toBe(0);
    for (const row of board.rows) {
      expect(row.daysOverdue).toBe(0);
      expect(row.state).toBe(row.outstanding > 0 ? 'onTime' : 'done');
    }
  });

  it('makes a department late again when the bureau returns one of its reports after the deadline', async () => {
    const jtj = await actorOf(t.db, 'jtj');
    // every 区交通局 November report submitted: done on the 8th …
    await t.db.monthlyReport.updateMany({
      where: { month: 11, plan: { planYear: { year: 2025 }, project: { departmentId: jtj.departmentId! } } },
      data: { status: 'SUBMITTED' },
    });
    const plansWithout = await t.db.projectPlan.findMany({
      where: {
        planYear: { year: 2025 },
        project: { departmentId: jtj.departmentId! },
        reports: { none: { month: 11 } },
      },
      select: { id: true },
    });
    await t.db.monthlyReport.createMany({
      data: plansWithout.map((p) => ({ planId: p.id, month: 11, status: 'SUBMITTED' as const })),
    });
    const done = (await getReportBoard(t.db, jtj, { year: 2025, month: 11, today: '2025-12-08' }))!;
    expect(done.rows).toHaveLength(1);
    expect(done.rows[0]).toMatchObject({ state: 'done', late: false, missing: 0, draft: 0, returned: 0 });

    // … and late by 4 days on the 9th once one of them is returned
    const one = await t.db.monthlyReport.findFirstOrThrow({
      where: { month: 11, plan: { planYear: { year: 2025 }, project: { departmentId: jtj.departmentId! } } },
    });
    await t.db.monthlyReport.update({ where: { id: one.id }, data: { status: 'RETURNED' } });
    const late = (await getReportBoard(t.db, jtj, { year: 2025, month: 11, today: '2025-12-09' }))!;
    expect(late.rows[0]).toMatchObject({ state: 'late', late: true, returned: 1, outstanding: 1, daysOverdue: 4 });
    expect(counts(late.rows[0]!)).toEqual(await expectedCounts(jtj.departmentId!));
  });

  it('shows a department only its own line, and leaders and the bureau every department', async () => {
    const today = '2025-12-08';
    const jtj = await actorOf(t.db, 'jtj');
    const own = (await getReportBoard(t.db, jtj, { year: 2025, month: 11, today }))!;
    expect(own.rows.map((r) => r.departmentName)).toEqual(['区交通局']);
    expect(own.totals.total).toBe(own.rows[0]!.total);

    const all = (await getReportBoard(t.db, await actorOf(t.db, 'leader'), { year: 2025, month: 11, today }))!;
    const bureau = (await getReportBoard(t.db, await actorOf(t.db, 'bureau'), { year: 2025, month: 11, today }))!;
    expect(all.rows.length).toBeGreaterThan(20);
    expect(all.rows).toEqual(bureau.rows);
    expect(all.rows.find((r) => r.departmentId === jtj.departmentId)).toEqual(own.rows[0]);

    // a department user without a department reaches nothing rather than everything
    const orphan = (await getReportBoard(t.db, { ...jtj, departmentId: null }, { year: 2025, month: 11, today }))!;
    expect(orphan.rows).toEqual([]);
  });

  it('defaults to the reporting month and offers no month after it, nor a year that does not exist', async () => {
    const bureau = await actorOf(t.db, 'bureau');
    const current = (await getReportBoard(t.db, bureau, { year: 2025, today: '2025-12-08' }))!;
    expect(current).toMatchObject({ month: 11, currentMonth: 11 });

    const october = (await getReportBoard(t.db, bureau, { year: 2025, month: 10, today: '2025-12-08' }))!;
    expect(october.deadline).toBe('2025-11-05');
    for (const row of october.rows) expect(counts(row)).toEqual(await expectedCounts(row.departmentId, 10));

    expect(await getReportBoard(t.db, bureau, { year: 2025, month: 12, today: '2025-12-08' })).toBeNull();
    expect(await getReportBoard(t.db, bureau, { year: 2025, month: 0, today: '2025-12-08' })).toBeNull();
    expect(await getReportBoard(t.db, bureau, { year: 1999, month: 11, today: '2025-12-08' })).toBeNull();
  });

  it('orders late departments first, most outstanding first, and the rest in the departments’ own order', async () => {
    // Every November report submitted, none missing: nobody is late, and the board is in the departments' own order.
    const november = { month: 11, plan: { planYear: { year: 2025 } } };
    await t.db.monthlyReport.updateMany({ where: november, data: { status: 'SUBMITTED' } });
    const missing = await t.db.projectPlan.findMany({
      where: { planYear: { year: 2025 }, reports: { none: { month: 11 } } },
      select: { id: true },
    });
    await t.db.monthlyReport.createMany({
      data: missing.map((p) => ({ planId: p.id, month: 11, status: 'SUBMITTED' as const })),
    });
    const leader = await actorOf(t.db, 'leader');
    const board = async (today: string) => (await getReportBoard(t.db, leader, { year: 2025, month: 11, today }))!.rows;
    const own = await board('2025-12-08');
    expect(own.every((r) => r.state === 'done')).toBe(true);
    const names = own.map((r) => r.departmentName);

    // Reports sent back to three departments: the second and third in that order one each, the last one two. The
    // first stays done. Listed in their own order they would read first, second, third, …, last.
    const [first, second, third] = own;
    const last = own.at(-1)!;
    const reopen = async (departmentId: number, status: 'DRAFT' | 'RETURNED', count: number) => {
      const reports = await t.db.monthlyReport.findMany({
        where: { ...november, plan: { ...november.plan, project: { departmentId } } },
        orderBy: { id: 'asc' },
        take: count,
      });
      expect(reports).toHaveLength(count);
      await t.db.monthlyReport.updateMany({ where: { id: { in: reports.map((r) => r.id) } }, data: { status } });
    };
    await reopen(second!.departmentId, 'RETURNED', 1);
    await reopen(third!.departmentId, 'DRAFT', 1);
    await reopen(last.departmentId, 'DRAFT', 2);

    const rest = names.filter((n) => ![second, third, last].some((r) => r!.departmentName === n));
    const expected = [last.departmentName, second!.departmentName, third!.departmentName, ...rest];
    expect(rest[0]).toBe(first!.departmentName);

    // after the deadline: the three are late, the most outstanding first, ties in the departments' order
    const late = await board('2025-12-08');
    expect(late.map((r) => r.departmentName)).toEqual(expected);
    expect(late.slice(0, 3).map((r) => [r.state, r.outstanding, r.daysOverdue])).toEqual([
      ['late', 2, 3],
      ['late', 1, 3],
      ['late', 1, 3],
    ]);
    expect(late.slice(3).every((r) => r.state === 'done')).toBe(true);

    // on the deadline day itself: the same order, none late yet
    const onTime = await board('2025-12-05');
    expect(onTime.map((r) => r.departmentName)).toEqual(expected);
    expect(onTime.slice(0, 3).map((r) => r.state)).toEqual(['onTime', 'onTime', 'onTime']);
  });
});
