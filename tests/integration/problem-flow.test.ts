/**
 * The problem (协调问题) flow as its users meet it: the actions called as the public POST endpoints they are
 * (through the mocked request context) against a seeded throwaway database. Every step writes its timeline entry,
 * its audit row and its notifications; a refused step changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, signIn } from '../helpers/actors';
import { digestOf } from '../helpers/audit';
import { resetClock, setClock } from '../helpers/clock';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let actions: typeof import('@/lib/actions/problems');
let getProblem: typeof import('@/lib/server/problems/get-problem').getProblem;

const ids = { zjw: 0, jtj: 0, leader: 0, project: 0, category: 0, otherProject: 0 };

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await import('@/lib/actions/problems');
  getProblem = (await import('@/lib/server/problems/get-problem')).getProblem;
  setClock('2025-12-08');
  const dept = (name: string) => t.db.department.findUniqueOrThrow({ where: { name } });
  ids.zjw = (await dept('区住房城乡建委')).id;
  ids.jtj = (await dept('区交通局')).id;
  ids.leader = (await t.db.user.findUniqueOrThrow({ where: { username: 'leader' } })).id;
  ids.project = (await t.db.project.findFirstOrThrow({ where: { departmentId: ids.zjw }, orderBy: { id: 'asc' } })).id;
  ids.otherProject = (
    await t.db.project.findFirstOrThrow({ where: { departmentId: ids.jtj }, orderBy: { id: 'asc' } })
  ).id;
  ids.category = (await t.db.problemCategory.findFirstOrThrow({ where: { name: '征地拆迁' } })).id;
}, 120_000);

afterAll(async () => {
  resetClock();
  await t?.drop();
});

const TABLES = ['Problem', 'ProblemEntry', 'ProblemSupportingUnit', 'Notification', 'AuditLog'] as const;

async function raise(username = 'zjw', projectId: number | null = ids.project) {
  await signIn(t.db, username);
  const result = await actions.raiseProblem({
    projectId,
    categoryId: ids.category,
    title: '红线内3户未签约',
    description: '项目红线内仍有3户居民未签约，影响场平施工',
  });
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  if (!result.ok) throw new Error('raise failed');
  return result.data;
}

async function notified(problemId: number, kind: string) {
  const number = (await t.db.problem.findUniqueOrThrow({ where: { id: problemId } })).number;
  const rows = await t.db.notification.findMany({
    where: { kind: kind as never, params: { path: ['number'], equals: number } },
    select: { user: { select: { username: true } } },
  });
  return rows.map((r) => r.user.username).sort();
}

const assignInput = (p: { id: number; version: number }, extra: object = {}) => ({
  problemId: p.id,
  version: p.version,
  leadDepartmentId: ids.zjw,
  supportingDepartmentIds: [ids.jtj],
  leaderId: ids.leader,
  dueDate: '2025-12-20',
  level: 'KEY',
  ...extra,
});

describe('the main story: raise → assign → reply → propose closure → close', () => {
  it('walks every step, each with its entry, its audit row and its notices to the right people', async () => {
    const raised = await raise();
    expect(raised.number).toMatch(/^渝中协〔2025〕\d+号$/);
    expect(await notified(raised.id, 'PROBLEM_RAISED')).toContain('bureau');

    await signIn(t.db, 'bureau');
    const assigned = await actions.assignProblem(assignInput({ id: raised.id, version: raised.version }));
    expect(assigned).toMatchObject({ ok: true, data: { status: 'IN_PROGRESS', version: 2 } });
    expect(await notified(raised.id, 'PROBLEM_ASSIGNED')).toEqual(['jtj', 'leader', 'zjw']);

    await signIn(t.db, 'jtj'); // a supporting unit replies
    expect(
      await actions.replyToProblem({ problemId: raised.id, version: 2, text: '已配合完成入户调查' }),
    ).toMatchObject({
      ok: true,
    });
    const replyTo = await notified(raised.id, 'PROBLEM_REPLY');
    expect(replyTo).toEqual(expect.arrayContaining(['bureau', 'leader', 'zjw']));
    expect(replyTo).not.toContain('jtj');

    await signIn(t.db, 'zjw');
    const proposed = await actions.proposeProblemClosure({ problemId: raised.id, version: 2, text: '3户已签约腾空' });
    expect(proposed).toMatchObject({ ok: true, data: { status: 'CLOSE_PROPOSED', version: 3 } });
    expect(await notified(raised.id, 'PROBLEM_CLOSE_PROPOSED')).toEqual(
      ['admin', 'bureau'].filter((u) => u === 'bureau'),
    );

    await signIn(t.db, 'bureau');
    const closed = await actions.closeProblem({ problemId: raised.id, version: 3, text: '经核实已签约腾空' });
    expect(closed).toMatchObject({ ok: true, data: { status: 'CLOSED', version: 4 } });
    expect(await notified(raised.id, 'PROBLEM_CLOSED')).toEqual(['zjw']);

    const detail = await getProblem(t.db, await actorOf(t.db, 'zjw'), { id: raised.id });
    expect(detail.entries.map((e) => e.kind)).toEqual(['RAISED', 'ASSIGNED', 'REPLY', 'CLOSE_PROPOSED', 'CLOSED']);
    expect(detail.closure).toMatchObject({ resolution: '经核实已签约腾空', closedBy: '王审核（区发展改革委）' });
    expect(detail.supporting.map((s) => s.id)).toEqual([ids.jtj]);
    const audits = await t.db.auditLog.findMany({ where: { entity: 'Problem', entityId: String(raised.id) } });
    expect(audits.map((a) => a.action)).toEqual([
      'problem.raise',
      'problem.assign',
      'problem.reply',
      'problem.proposeClose',
      'problem.close',
    ]);
  });

  it('sends back, reopens (clearing the closure, keeping the 督办单) and escalates by hand once', async () => {
    const p = await raise();
    await signIn(t.db, 'bureau');
    await actions.assignProblem(assignInput({ id: p.id, version: 1 }));
    const escalated = await actions.escalateProblem({ problemId: p.id, version: 2, requirement: '请于12月底前办结' });
    expect(escalated).toMatchObject({ ok: true, data: { version: 3 } });
    const row = await t.db.problem.findUniqueOrThrow({ where: { id: p.id } });
    expect(row.level).toBe('SUPERVISED');
    expect(row.supervisionNumber).toMatch(/^渝中督〔2025〕\d+号$/);
    expect(await notified(p.id, 'PROBLEM_ESCALATED')).toEqual(['leader', 'zjw']);
    const again = await actions.escalateProblem({ problemId: p.id, version: 3, requirement: '再次督办' });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });

    await signIn(t.db, 'zjw');
    await actions.proposeProblemClosure({ problemId: p.id, version: 3, text: '已办结' });
    await signIn(t.db, 'bureau');
    expect(await actions.sendBackProblem({ problemId: p.id, version: 4, text: '请附签约材料' })).toMatchObject({
      ok: true,
      data: { status: 'IN_PROGRESS' },
    });
    expect(await notified(p.id, 'PROBLEM_SENT_BACK')).toEqual(['zjw']);
    await actions.closeProblem({ problemId: p.id, version: 5, text: '已核实' });
    expect(await actions.reopenProblem({ problemId: p.id, version: 6, text: '仍有1户反悔' })).toMatchObject({
      ok: true,
      data: { status: 'IN_PROGRESS' },
    });
    const reopened = await t.db.problem.findUniqueOrThrow({ where: { id: p.id } });
    expect(reopened).toMatchObject({ resolution: null, closedAt: null, closedById: null });
    expect(reopened.supervisionNumber).toBe(row.supervisionNumber);
  });

  it('assigning 挂牌督办 by hand issues the 督办单 as escalation does', async () => {
    const p = await raise();
    await signIn(t.db, 'bureau');
    await actions.assignProblem(assignInput({ id: p.id, version: 1 }, { level: 'SUPERVISED' }));
    const row = await t.db.problem.findUniqueOrThrow({ where: { id: p.id } });
    expect(row.supervisionNumber).toMatch(/^渝中督〔2025〕\d+号$/);
    expect(row.supervisionRequirement).toContain('2025-12-20');
  });
});

describe('refusals change nothing', () => {
  it.each([
    ['a department assigns', 'zjw', 'assignProblem'],
    ['a leader proposes closure', 'leader', 'proposeProblemClosure'],
    ['the raiser (not the lead) proposes closure', 'jw', 'proposeProblemClosure'],
    ['the bureau closes an already closed problem', 'bureau', 'closeProblem'],
    ['a department of no part replies', 'jfb', 'replyToProblem'],
  ] as const)('%s', async (_title, username, name) => {
    const p = await raise('bureau');
    await signIn(t.db, 'bureau');
    await actions.assignProblem(assignInput({ id: p.id, version: 1 }, { supportingDepartmentIds: [] }));
    if (name === 'closeProblem') await actions.closeProblem({ problemId: p.id, version: 2, text: '已办结' });
    if (username === 'jw')
      await t.db.problem.update({
        where: { id: p.id },
        data: { raisedByDepartmentId: (await actorOf(t.db, 'jw')).departmentId! },
      });
    const version = (await t.db.problem.findUniqueOrThrow({ where: { id: p.id } })).version;
    const before = await digestOf(t.db, TABLES);
    await signIn(t.db, username);
    const input = { ...assignInput({ id: p.id, version }), text: '已办结' };
    const result = await (actions[name] as (i: unknown) => Promise<{ ok: boolean; code?: string }>)(input);
    expect(result.ok).toBe(false);
    expect(['FORBIDDEN', 'NOT_FOUND', 'CONFLICT']).toContain(result.code);
    expect(await digestOf(t.db, TABLES)).toBe(before);
  });

  it('refuses a department raising on another department’s project like a missing one', async () => {
    await signIn(t.db, 'zjw');
    const other = await actions.raiseProblem({
      projectId: ids.otherProject,
      categoryId: ids.category,
      title: 'x',
      description: 'y',
    });
    const missing = await actions.raiseProblem({
      projectId: 99_999_999,
      categoryId: ids.category,
      title: 'x',
      description: 'y',
    });
    expect(other).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(missing).toEqual(other);
  });

  it('refuses a due date before today and a leader who is not one, with field messages', async () => {
    const p = await raise();
    await signIn(t.db, 'bureau');
    const result = await actions.assignProblem(
      assignInput({ id: p.id, version: 1 }, { dueDate: '2025-12-07', leaderId: (await actorOf(t.db, 'jtj')).id }),
    );
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['dueDate', 'leaderId']);
  });

  it('a stale version names who changed the problem', async () => {
    const p = await raise();
    await signIn(t.db, 'bureau');
    await actions.assignProblem(assignInput({ id: p.id, version: 1 }));
    const stale = await actions.assignProblem(assignInput({ id: p.id, version: 1 }));
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    if (!stale.ok) expect(stale.message).toContain('王审核');
  });
});

describe('numbering', () => {
  it('gives parallel raises distinct consecutive numbers', async () => {
    const before = await t.db.problem.aggregate({ _max: { seq: true } });
    await signIn(t.db, 'zjw');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        actions.raiseProblem({ projectId: null, categoryId: ids.category, title: `并发${i}`, description: '并发提出' }),
      ),
    );
    const seqs = await t.db.problem.findMany({ where: { title: { startsWith: '并发' } }, select: { seq: true } });
    expect(results.every((r) => r.ok)).toBe(true);
    const start = before._max.seq ?? 0;
    expect(seqs.map((s) => s.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 8 }, (_, i) => start + i + 1));
  });
});

describe('raising from a report in the review queue', () => {
  it('makes one problem of a report’s 需协调事项, linked to it; a second click finds it; the text stays', async () => {
    const report = await t.db.monthlyReport.findFirstOrThrow({
      where: { month: 11, plan: { project: { departmentId: ids.jtj } } },
      orderBy: { id: 'asc' },
    });
    await t.db.monthlyReport.update({
      where: { id: report.id },
      data: { status: 'SUBMITTED', coordinationNeeded: '需协调解决施工临时用地\n涉及规划调整' },
    });
    await signIn(t.db, 'bureau');
    const first = await actions.raiseProblemFromReport({ reportId: report.id, field: 'COORDINATION' });
    const second = await actions.raiseProblemFromReport({ reportId: report.id, field: 'COORDINATION' });
    expect(first).toMatchObject({ ok: true, data: { existing: false } });
    expect(second).toMatchObject({ ok: true, data: { existing: true } });
    if (!first.ok || !second.ok) return;
    expect(second.data.id).toBe(first.data.id);
    const problem = await t.db.problem.findUniqueOrThrow({ where: { id: first.data.id } });
    expect(problem).toMatchObject({
      sourceReportId: report.id,
      sourceField: 'COORDINATION',
      title: '需协调解决施工临时用地',
      description: '需协调解决施工临时用地\n涉及规划调整',
      raisedByDepartmentId: ids.jtj,
    });
    const after = await t.db.monthlyReport.findUniqueOrThrow({ where: { id: report.id } });
    expect(after.coordinationNeeded).toBe('需协调解决施工临时用地\n涉及规划调整');
    expect(after.version).toBe(report.version);
  });
});
