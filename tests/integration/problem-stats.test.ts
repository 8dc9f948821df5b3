/**
 * The problem figures of the dashboard and the bulletin (getProblemStats) and the batch entry's open-problem count:
 * open / overdue / closed, 办结率 rounded once, by category and lead unit, the oldest overdue, as of a date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { getProblemStats } from '@/lib/server/problems/problem-stats';
import { getBatchEntry } from '@/lib/server/reports/get-batch-entry';
import { actorFor, fixturesOf } from '../helpers/authorization/matrix';
import { resetClock, setClock } from '../helpers/clock';
import { departmentId, insertProblem, removeAllProblems } from '../helpers/problems';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let bureau: Actor;
let department: Actor;
let own: number;
let other: number;
let ownProject: number;
const numbers: Record<'late' | 'later' | 'otherLate', string> = { late: '', later: '', otherLate: '' };

beforeAll(async () => {
  t = await createTestDatabase('seeded');
  // the counts below are of this file's own problems, not the demo's 60
  await removeAllProblems(t.db);
  const fx = await fixturesOf(t.db);
  own = fx.ownDepartmentId;
  other = fx.otherDepartmentId;
  const third = await departmentId(t.db, '区教委');
  ownProject = (
    await t.db.project.findFirstOrThrow({
      where: { departmentId: own, plans: { some: { planYear: { year: 2025 } } } },
      orderBy: { name: 'asc' },
    })
  ).id;
  const db = t.db;
  // 3 overdue on 2025-11-20 (one supervised), 1 open not yet due, 3 closed (2 in November, 1 in October)
  numbers.late = (
    await insertProblem(db, {
      category: '征地拆迁',
      raisedByDepartmentId: own,
      leadDepartmentId: own,
      projectId: ownProject,
      dueDate: '2025-10-01',
    })
  ).number;
  numbers.later = (
    await insertProblem(db, {
      category: '征地拆迁',
      raisedByDepartmentId: own,
      leadDepartmentId: other,
      dueDate: '2025-11-10',
      supervised: true,
    })
  ).number;
  numbers.otherLate = (
    await insertProblem(db, {
      category: '资金保障',
      raisedByDepartmentId: other,
      leadDepartmentId: other,
      dueDate: '2025-09-15',
    })
  ).number;
  await insertProblem(db, { raisedByDepartmentId: third, projectId: ownProject, dueDate: '2025-12-31' });
  await insertProblem(db, {
    raisedByDepartmentId: third,
    leadDepartmentId: third,
    status: 'CLOSED',
    dueDate: '2025-11-30',
    closedAt: new Date('2025-11-05T02:00:00Z'),
  });
  // closed at 23:30 in Chongqing on 11-20 (15:30 UTC): closed on the 20th, as of the 20th
  await insertProblem(db, {
    raisedByDepartmentId: third,
    leadDepartmentId: third,
    status: 'CLOSED',
    dueDate: '2025-11-01',
    closedAt: new Date('2025-11-20T15:30:00Z'),
  });
  await insertProblem(db, {
    raisedByDepartmentId: third,
    leadDepartmentId: third,
    status: 'CLOSED',
    dueDate: '2025-10-30',
    closedAt: new Date('2025-10-20T02:00:00Z'),
  });
  setClock('2025-11-20');
  bureau = await actorFor(db, 'BUREAU');
  department = await actorFor(db, 'DEPARTMENT');
}, 120_000);

afterAll(async () => {
  resetClock();
  await t.drop();
});

describe('getProblemStats', () => {
  it('counts open, overdue, closed and closed this month as of the business clock’s today', async () => {
    const s = await getProblemStats(t.db, bureau, { year: 2025 });
    expect(s).toMatchObject({
      asOf: '2025-11-20',
      total: 7,
      open: 4,
      closed: 3,
      closedThisMonth: 2,
      overdue: 3,
      supervisedOverdue: 1,
    });
  });

  it('gives 办结率 as closed ÷ all, rounded once to one decimal', async () => {
    // 3 / 7 = 42.857… → 42.9
    expect((await getProblemStats(t.db, bureau, { year: 2025 })).closureRatePercent).toBe('42.9');
    expect((await getProblemStats(t.db, bureau, { year: 2024 })).closureRatePercent).toBeNull();
  });

  it('counts as of an earlier day: closed later means open then, due later means not yet overdue', async () => {
    const s = await getProblemStats(t.db, bureau, { year: 2025, asOf: '2025-10-31' });
    expect(s).toMatchObject({ closed: 1, closedThisMonth: 1, open: 6, overdue: 2 });
    expect(s.closureRatePercent).toBe('14.3');
  });

  it('splits by category and by lead unit', async () => {
    const s = await getProblemStats(t.db, bureau, { year: 2025 });
    expect(s.byCategory.find((c) => c.name === '征地拆迁')).toMatchObject({ total: 2, open: 2, overdue: 2 });
    expect(s.byCategory.find((c) => c.name === '其他')).toMatchObject({ total: 4, open: 1, overdue: 0 });
    expect(s.byLead.find((l) => l.id === other)).toMatchObject({ open: 2, overdue: 2 });
    expect(s.byLead.find((l) => l.id === null)).toMatchObject({ open: 1, overdue: 0 });
    expect(s.byLead.reduce((n, l) => n + l.open, 0)).toBe(s.open);
  });

  it('lists the oldest overdue first, and to a department only those it takes part in', async () => {
    const all = await getProblemStats(t.db, bureau, { year: 2025 });
    expect(all.oldestOverdue.map((p) => [p.number, p.daysOverdue])).toEqual([
      [numbers.otherLate, 66],
      [numbers.late, 50],
      [numbers.later, 10],
    ]);
    const mine = await getProblemStats(t.db, department, { year: 2025 });
    expect(mine.overdue).toBe(3); // the counts are district-wide aggregates
    expect(mine.oldestOverdue.map((p) => p.number)).toEqual([numbers.late, numbers.later]);
    expect((await getProblemStats(t.db, bureau, { year: 2025, overdueLimit: 1 })).oldestOverdue).toHaveLength(1);
  });

  it('refuses a date that is not one', async () => {
    await expect(getProblemStats(t.db, bureau, { asOf: '2025-02-30' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('the batch entry’s open-problem count', () => {
  it('counts each project’s problems not yet closed, in the same read', async () => {
    const entry = await getBatchEntry(t.db, department, { year: 2025, month: 11 });
    const row = entry.rows.find((r) => r.projectId === ownProject)!;
    expect(row.openProblems).toBe(2);
    expect(entry.rows.filter((r) => r.projectId !== ownProject).every((r) => r.openProblems === 0)).toBe(true);
  });
});
