/**
 * The bulletin's problem paragraph and overdue table: drafted from the problems as of the month's end, frozen in
 * the bulletin's figures, so a published bulletin reads the same however the problems move on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulletinFigures } from '@/lib/server/bulletins/figures';
import { actorOf, signIn } from '../helpers/actors';
import { resetClock, setClock } from '../helpers/clock';
import { departmentId, insertProblem, removeAllProblems } from '../helpers/problems';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let actions: typeof import('@/lib/actions/bulletins');
let getBulletin: typeof import('@/lib/server/bulletins/get-bulletin').getBulletin;
let lateNumber: string;

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  // the counts below are of this file's own problems, not the demo's 60
  await removeAllProblems(t.db);
  actions = await import('@/lib/actions/bulletins');
  ({ getBulletin } = await import('@/lib/server/bulletins/get-bulletin'));
  const own = await departmentId(t.db, '区住房城乡建委');
  const lead = await departmentId(t.db, '区交通局');
  const project = await t.db.project.findFirstOrThrow({ where: { departmentId: own }, orderBy: { id: 'asc' } });
  // as of 10-31: 4 problems, 1 closed (25.0%), 2 overdue of which 1 supervised; one more closes in November
  lateNumber = (
    await insertProblem(t.db, {
      title: '红线内管线未迁改',
      raisedByDepartmentId: own,
      leadDepartmentId: lead,
      projectId: project.id,
      dueDate: '2025-09-30',
      supervised: true,
    })
  ).number;
  await insertProblem(t.db, { raisedByDepartmentId: own, leadDepartmentId: lead, dueDate: '2025-10-20' });
  await insertProblem(t.db, { raisedByDepartmentId: own, leadDepartmentId: lead, dueDate: '2025-12-20' });
  await insertProblem(t.db, {
    raisedByDepartmentId: own,
    leadDepartmentId: lead,
    dueDate: '2025-10-10',
    status: 'CLOSED',
    closedAt: new Date('2025-10-09T02:00:00Z'),
  });
  await insertProblem(t.db, {
    raisedByDepartmentId: own,
    leadDepartmentId: lead,
    dueDate: '2025-10-25',
    status: 'CLOSED',
    closedAt: new Date('2025-11-03T02:00:00Z'),
  });
  setClock('2025-11-20');
}, 120_000);

afterAll(async () => {
  resetClock();
  await t?.drop();
});

describe('the bulletin’s problems', () => {
  let id: number;

  it('drafts the paragraph as of the month’s end and freezes the overdue problems', async () => {
    await signIn(t.db, 'bureau');
    const result = await actions.createBulletinDraft({ year: 2025, month: 10 });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    if (!result.ok) return;
    id = result.data.id;
    const row = await t.db.bulletin.findUniqueOrThrow({ where: { id } });
    // closed on 11-03 was still open, and overdue, at the end of October
    expect(row.body).toContain(
      '截至10月底，累计梳理协调问题5个，已办结1个，办结率20.0%；逾期未办结3个，其中挂牌督办1个。',
    );
    const figures = row.figures as unknown as BulletinFigures;
    expect(figures.problems).toMatchObject({ asOf: '2025-10-31', total: 5, closed: 1, overdue: 3 });
    expect(figures.problems!.overdueProblems[0]).toMatchObject({
      number: lateNumber,
      title: '红线内管线未迁改',
      lead: '区交通局',
      daysOverdue: 31,
    });
  });

  it('keeps a published bulletin’s figures when the problems move on', async () => {
    const draft = await t.db.bulletin.findUniqueOrThrow({ where: { id } });
    expect(await actions.publishBulletin({ id, version: draft.version })).toMatchObject({ ok: true });
    await t.db.problem.updateMany({
      data: { status: 'CLOSED', closedAt: new Date('2025-10-15T02:00:00Z'), resolution: '已办结' },
    });
    const reader = await actorOf(t.db, 'zjw');
    const bulletin = await getBulletin(t.db, reader, { year: 2025, month: 10 });
    expect(bulletin?.figures.problems).toMatchObject({ total: 5, closed: 1, overdue: 3 });
    expect(bulletin?.figures.problems?.overdueProblems).toHaveLength(3);
  });
});
