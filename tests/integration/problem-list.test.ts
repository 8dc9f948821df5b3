/**
 * The problem ledger's read (listProblems): who sees which problems, every filter, overdue against the business
 * clock, search, the leader's own problems first, paging bounds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { problemScope } from '@/lib/server/problems/problem-access';
import { listProblems } from '@/lib/server/problems/list-problems';
import { actorFor, fixturesOf, ROLES } from '../helpers/authorization/matrix';
import { resetClock, setClock } from '../helpers/clock';
import { departmentId, insertProblem, removeAllProblems, userId } from '../helpers/problems';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
type Key = 'raisedOverdue' | 'hidden' | 'supportingClosed' | 'onOwnProject' | 'supervised' | 'dueToday';
const n = {} as Record<Key, string>;
let own: number;
let other: number;
let third: number;
let ownProject: number;
let leaderId: number;
let department: Actor;
let bureau: Actor;
let leader: Actor;

beforeAll(async () => {
  t = await createTestDatabase('seeded');
  // the counts below are of this file's own problems, not the demo's 60
  await removeAllProblems(t.db);
  const fx = await fixturesOf(t.db);
  own = fx.ownDepartmentId;
  other = fx.otherDepartmentId;
  third = await departmentId(t.db, '区教委');
  ownProject = (await t.db.project.findFirstOrThrow({ where: { departmentId: own }, orderBy: { id: 'asc' } })).id;
  leaderId = await userId(t.db, 'leader');
  const db = t.db;
  n.raisedOverdue = (
    await insertProblem(db, {
      title: '征地红线调整',
      category: '征地拆迁',
      raisedByDepartmentId: own,
      leadDepartmentId: other,
      projectId: ownProject,
      dueDate: '2025-11-01',
      reply: '已与规划部门对接',
    })
  ).number;
  n.hidden = (
    await insertProblem(db, {
      title: '资金缺口',
      category: '资金保障',
      raisedByDepartmentId: other,
      leadDepartmentId: other,
      dueDate: '2025-12-31',
      leaderId,
    })
  ).number;
  n.supportingClosed = (
    await insertProblem(db, {
      title: '管线迁改 100%_完成',
      category: '管线迁改',
      raisedByDepartmentId: other,
      leadDepartmentId: third,
      supportingDepartmentIds: [own],
      dueDate: '2025-11-10',
      status: 'CLOSED',
    })
  ).number;
  n.onOwnProject = (
    await insertProblem(db, { title: '施工许可', raisedByDepartmentId: other, projectId: ownProject })
  ).number;
  n.supervised = (
    await insertProblem(db, {
      title: '拆迁户未签约',
      category: '征地拆迁',
      raisedByDepartmentId: third,
      leadDepartmentId: third,
      dueDate: '2025-11-19',
      supervised: true,
      leaderId,
    })
  ).number;
  n.dueToday = (
    await insertProblem(db, {
      title: '今日到期',
      raisedByDepartmentId: third,
      leadDepartmentId: third,
      dueDate: '2025-11-20',
    })
  ).number;
  setClock('2025-11-20');
  department = await actorFor(db, 'DEPARTMENT');
  bureau = await actorFor(db, 'BUREAU');
  leader = await actorFor(db, 'LEADER');
}, 120_000);

afterAll(async () => {
  resetClock();
  await t.drop();
});

const numbers = (list: { items: { number: string }[] }) => list.items.map((i) => i.number).sort();

describe('who sees what', () => {
  it('shows the bureau every problem and a department only those it takes part in', async () => {
    expect((await listProblems(t.db, bureau)).total).toBe(6);
    const mine = await listProblems(t.db, department);
    expect(numbers(mine)).toEqual([n.raisedOverdue, n.supportingClosed, n.onOwnProject].sort());
    expect(mine.counts.all).toBe(3);
  });

  it('selects exactly the rows problemScope selects, for every role', async () => {
    for (const role of ROLES) {
      const actor = await actorFor(t.db, role);
      const list = await listProblems(t.db, actor, { pageSize: 100 });
      const expected = await t.db.problem.findMany({ where: problemScope(actor), select: { number: true } });
      expect(numbers(list)).toEqual(expected.map((e) => e.number).sort());
    }
  });

  it('never names another department’s lead unit in the department’s filter choices', async () => {
    const mine = await listProblems(t.db, department);
    expect(mine.facets.departments.map((d) => d.id).sort()).toEqual([own, other, third].sort());
    const bureauFacets = await listProblems(t.db, bureau);
    expect(bureauFacets.facets.years).toEqual([2025]);
  });
});

describe('overdue, against the business clock', () => {
  it('finds the problems past due and not closed; due today and closed ones are not overdue', async () => {
    const list = await listProblems(t.db, bureau, { overdue: true, sort: 'daysOverdue', dir: 'desc' });
    expect(list.items.map((i) => [i.number, i.daysOverdue])).toEqual([
      [n.raisedOverdue, 19],
      [n.supervised, 1],
    ]);
    expect(list.items.every((i) => i.overdue)).toBe(true);
    expect(list.counts.overdue).toBe(2);
  });

  it('moves with the clock', async () => {
    setClock('2026-01-05');
    try {
      const list = await listProblems(t.db, bureau, { overdue: true });
      expect(list.total).toBe(4); // the one due 12-31 and the one due today have passed too
    } finally {
      setClock('2025-11-20');
    }
  });
});

describe('filters', () => {
  it('narrows by status, and counts every status over the other filters', async () => {
    const list = await listProblems(t.db, bureau, { statuses: ['CLOSED'] });
    expect(numbers(list)).toEqual([n.supportingClosed]);
    expect(list.counts).toMatchObject({ PENDING: 1, IN_PROGRESS: 4, CLOSED: 1, all: 6 });
  });

  it('narrows by category, level, lead unit, leader, project, raising unit and year', async () => {
    const land = await t.db.problemCategory.findUniqueOrThrow({ where: { name: '征地拆迁' } });
    expect(numbers(await listProblems(t.db, bureau, { categoryIds: [land.id] }))).toEqual(
      [n.raisedOverdue, n.supervised].sort(),
    );
    expect(numbers(await listProblems(t.db, bureau, { levels: ['SUPERVISED'] }))).toEqual([n.supervised]);
    expect((await listProblems(t.db, bureau, { leadDepartmentIds: [third] })).total).toBe(3);
    expect(numbers(await listProblems(t.db, bureau, { leaderIds: [leaderId] }))).toEqual(
      [n.hidden, n.supervised].sort(),
    );
    expect(numbers(await listProblems(t.db, bureau, { projectIds: [ownProject] }))).toEqual(
      [n.raisedOverdue, n.onOwnProject].sort(),
    );
    expect((await listProblems(t.db, bureau, { raisedByDepartmentIds: [other] })).total).toBe(3);
    expect((await listProblems(t.db, bureau, { year: 2024 })).total).toBe(0);
    expect((await listProblems(t.db, bureau, { year: 2025 })).total).toBe(6);
  });

  it('keeps the scope under every filter: a department asking for another’s lead unit sees only its own part', async () => {
    expect(numbers(await listProblems(t.db, department, { leadDepartmentIds: [other] }))).toEqual([n.raisedOverdue]);
    expect((await listProblems(t.db, department, { leaderIds: [leaderId] })).total).toBe(0);
  });
});

describe('search', () => {
  it('finds by number in either form, title and description', async () => {
    const seq = /〕(\d+)号/.exec(n.supervised)![1]!;
    expect(numbers(await listProblems(t.db, bureau, { q: `2025-${seq}` }))).toEqual([n.supervised]);
    expect(numbers(await listProblems(t.db, bureau, { q: n.supervised }))).toEqual([n.supervised]);
    expect(numbers(await listProblems(t.db, bureau, { q: '红线' }))).toEqual([n.raisedOverdue]);
    expect((await listProblems(t.db, bureau, { q: '的描述' })).total).toBe(6);
  });

  it('takes % and _ literally', async () => {
    expect(numbers(await listProblems(t.db, bureau, { q: '100%_' }))).toEqual([n.supportingClosed]);
    expect((await listProblems(t.db, bureau, { q: '%' })).total).toBe(1);
  });
});

describe('order and paging', () => {
  it('puts a leader’s own problems first', async () => {
    const list = await listProblems(t.db, leader);
    expect(list.items.slice(0, 2).every((i) => i.mine)).toBe(true);
    expect(list.items.slice(2).some((i) => i.mine)).toBe(false);
    const forBureau = await listProblems(t.db, bureau);
    expect(forBureau.items[0]!.number).toBe(n.dueToday); // newest number first
  });

  it('bounds the page size and pages on', async () => {
    const first = await listProblems(t.db, bureau, { pageSize: 4 });
    const second = await listProblems(t.db, bureau, { pageSize: 4, page: 2 });
    expect(first.items).toHaveLength(4);
    expect(second.items).toHaveLength(2);
    expect((await listProblems(t.db, bureau, { pageSize: 100_000 })).pageSize).toBe(100);
  });

  it('shows the last activity from the timeline and the row’s fields', async () => {
    const list = await listProblems(t.db, bureau, { q: '红线' });
    const row = list.items[0]!;
    expect(row.project?.id).toBe(ownProject);
    expect(row.category.name).toBe('征地拆迁');
    expect(row.lead?.id).toBe(other);
    expect(row.dueDate).toBe('2025-11-01');
    expect(row.lastActivity.getTime()).toBeGreaterThanOrEqual(new Date('2025-09-01T04:00:00Z').getTime());
    expect(row.slug).toMatch(/^2025-\d+$/);
  });
});
