/**
 * The daily check of problems against the business clock (tests/helpers/clock.ts): reminders once per problem and
 * due date, escalation to 挂牌督办 with a 督办单 after the configured days overdue, and nothing new on a second run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../helpers/actors';
import { resetClock, setClock } from '../helpers/clock';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let actions: typeof import('@/lib/actions/problems');
let runProblemChecks: typeof import('@/lib/server/problems/problem-checks').runProblemChecks;
let problemId = 0;

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await import('@/lib/actions/problems');
  runProblemChecks = (await import('@/lib/server/problems/problem-checks')).runProblemChecks;
  setClock('2025-12-08');
  // the demo's 60 problems are not this test's subject: closed, the check passes them by and the counts are ours
  await t.db.problem.updateMany({ data: { status: 'CLOSED' } });
  const zjw = await t.db.department.findUniqueOrThrow({ where: { name: '区住房城乡建委' } });
  const category = await t.db.problemCategory.findFirstOrThrow({ where: { active: true } });
  await signIn(t.db, 'zjw');
  const raised = await actions.raiseProblem({
    projectId: null,
    categoryId: category.id,
    title: '管线迁改滞后',
    description: '燃气管线迁改未启动',
  });
  if (!raised.ok) throw new Error(raised.message);
  problemId = raised.data.id;
  await signIn(t.db, 'bureau');
  const leader = await t.db.user.findUniqueOrThrow({ where: { username: 'leader' } });
  const assigned = await actions.assignProblem({
    problemId,
    version: 1,
    leadDepartmentId: zjw.id,
    supportingDepartmentIds: [],
    leaderId: leader.id,
    dueDate: '2025-12-10',
    level: 'NORMAL',
  });
  if (!assigned.ok) throw new Error(assigned.message);
}, 120_000);

afterAll(async () => {
  resetClock();
  await t?.drop();
});

const count = (kind: string) => t.db.notification.count({ where: { kind: kind as never } });

describe('runProblemChecks', () => {
  it('reminds the lead unit once when the due date is 3 days or less away', async () => {
    expect(await runProblemChecks(t.db, '2025-12-06')).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });
    expect(await runProblemChecks(t.db, '2025-12-07')).toEqual({ dueSoon: 1, overdue: 0, escalated: 0 });
    expect(await runProblemChecks(t.db, '2025-12-07')).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });
    expect(await runProblemChecks(t.db, '2025-12-09')).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });
    expect(await count('PROBLEM_DUE_SOON')).toBeGreaterThan(0);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: 'problem.dueSoon' } });
    expect(audit).toMatchObject({ actor: 'system', actorId: null });
  });

  it('tells of an overdue problem once per due date', async () => {
    expect(await runProblemChecks(t.db, '2025-12-11')).toEqual({ dueSoon: 0, overdue: 1, escalated: 0 });
    expect(await runProblemChecks(t.db, '2025-12-12')).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });
  });

  it('escalates at the configured days overdue with a 督办单, once, from the business clock', async () => {
    await signIn(t.db, 'bureau');
    expect(await actions.setProblemEscalationDays({ days: 5 })).toMatchObject({ ok: true });
    expect(await runProblemChecks(t.db, '2025-12-14')).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });
    setClock('2025-12-15');
    expect(await runProblemChecks(t.db, '2025-12-15')).toEqual({ dueSoon: 0, overdue: 0, escalated: 1 });
    expect(await runProblemChecks(t.db, '2025-12-15')).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });
    const row = await t.db.problem.findUniqueOrThrow({ where: { id: problemId } });
    expect(row).toMatchObject({ level: 'SUPERVISED', version: 3 });
    expect(row.supervisionNumber).toMatch(/^渝中督〔2025〕\d+号$/);
    expect(row.escalatedAt?.toISOString().slice(0, 10)).toBe('2025-12-15');
    const entry = await t.db.problemEntry.findFirstOrThrow({ where: { problemId, kind: 'ESCALATED' } });
    expect(entry.authorId).toBeNull();
    expect(await count('PROBLEM_ESCALATED')).toBeGreaterThan(0);
  });

  it('starts afresh for a new due date', async () => {
    await signIn(t.db, 'bureau');
    const zjw = await t.db.department.findUniqueOrThrow({ where: { name: '区住房城乡建委' } });
    const leader = await t.db.user.findUniqueOrThrow({ where: { username: 'leader' } });
    const again = await actions.assignProblem({
      problemId,
      version: 3,
      leadDepartmentId: zjw.id,
      supportingDepartmentIds: [],
      leaderId: leader.id,
      dueDate: '2025-12-17',
      level: 'SUPERVISED',
    });
    expect(again).toMatchObject({ ok: true });
    expect(await runProblemChecks(t.db, '2025-12-16')).toEqual({ dueSoon: 1, overdue: 0, escalated: 0 });
  });
});
