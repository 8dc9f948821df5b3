/**
 * The 问题清单 export is "the ledger as filtered": the download route, given the ledger's own query string, answers
 * with the rows the ledger shows, in its order, in the layout people circulate; text never becomes a formula.
 */
import ExcelJS from 'exceljs';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionActor } from '@/lib/auth/session';
import { PROBLEM_SHEET_COLUMNS } from '@/lib/domain/problems/problem-sheet';
import { problemListSearch } from '@/lib/validations/problem-list';
import { actorOf } from '../helpers/actors';
import { resetClock, setClock } from '../helpers/clock';
import { departmentId, insertProblem, removeAllProblems, userId } from '../helpers/problems';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

vi.mock('@/lib/auth/session', () => ({ getActor: vi.fn() }));

let t: TestDatabase;
let route: typeof import('@/app/api/problems/export/route');
let getActor: typeof import('@/lib/auth/session').getActor;
let bureau: SessionActor;
let zjw: SessionActor;

async function download(actor: SessionActor | null, query: string) {
  vi.mocked(getActor).mockResolvedValue(actor);
  return route.GET(new NextRequest(`http://localhost/api/problems/export${query}`));
}

async function sheetOf(response: Response) {
  expect(response.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await response.arrayBuffer());
  return wb.getWorksheet('问题清单')!;
}

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  // the counts below are of this file's own problems, not the demo's 60
  await removeAllProblems(t.db);
  route = await import('@/app/api/problems/export/route');
  ({ getActor } = await import('@/lib/auth/session'));
  const own = await departmentId(t.db, '区住房城乡建委');
  const other = await departmentId(t.db, '区交通局');
  const third = await departmentId(t.db, '区教委');
  const project = await t.db.project.findFirstOrThrow({ where: { departmentId: own }, orderBy: { id: 'asc' } });
  await insertProblem(t.db, {
    title: '=HYPERLINK("http://evil","点我")',
    description: '红线范围内两户未签约',
    category: '征地拆迁',
    raisedByDepartmentId: own,
    leadDepartmentId: other,
    supportingDepartmentIds: [third, own],
    leaderId: await userId(t.db, 'leader'),
    projectId: project.id,
    dueDate: '2025-11-01',
    reply: '已约谈两户',
  });
  await insertProblem(t.db, {
    title: '他人问题',
    raisedByDepartmentId: other,
    leadDepartmentId: other,
    dueDate: '2025-12-31',
  });
  await insertProblem(t.db, {
    title: '已办结',
    raisedByDepartmentId: third,
    leadDepartmentId: third,
    status: 'CLOSED',
    dueDate: '2025-10-30',
    resolution: '管线已迁改',
    closedAt: new Date('2025-10-20T03:00:00Z'),
  });
  setClock('2025-11-20');
  bureau = await actorOf(t.db, 'bureau');
  zjw = await actorOf(t.db, 'zjw');
}, 120_000);

afterAll(async () => {
  resetClock();
  await t.drop();
});

describe('the 问题清单 layout', () => {
  it('has the title as of today, the columns people expect and one row per problem', async () => {
    const ws = await sheetOf(await download(bureau, ''));
    expect(ws.getCell('A1').value).toBe('渝中区重点项目协调问题清单（截至2025年11月20日）');
    expect(ws.getCell('A2').value).toBe('共3个问题');
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(PROBLEM_SHEET_COLUMNS.map((c) => c.header));
    expect(ws.rowCount).toBe(6);
  });

  it('fills every column of an overdue problem, the overdue filter giving exactly it', async () => {
    const ws = await sheetOf(await download(bureau, problemListSearch({ overdue: true })));
    expect(ws.rowCount).toBe(4);
    const row = Object.fromEntries(PROBLEM_SHEET_COLUMNS.map((c, i) => [c.key, ws.getRow(4).getCell(i + 1).value]));
    expect(row).toMatchObject({
      seq: 1,
      number: '渝中协〔2025〕1号',
      category: '征地拆迁',
      raisedBy: '区住房城乡建委',
      lead: '区交通局',
      leader: '李区长',
      dueDate: '2025年11月1日',
      level: '一般',
      status: '办理中（逾期19天）',
      progress: '已约谈两户',
      closure: '',
    });
    expect(String(row.supporting).split('、').sort()).toEqual(['区住房城乡建委', '区教委'].sort());
  });

  it('writes the closure of a closed problem', async () => {
    const ws = await sheetOf(await download(bureau, problemListSearch({ statuses: ['CLOSED'] })));
    expect(ws.getRow(4).getCell(14).value).toBe('管线已迁改（2025年10月20日办结）');
  });

  it('keeps a formula-looking title as text', async () => {
    const ws = await sheetOf(await download(bureau, problemListSearch({ q: 'HYPERLINK' })));
    const cell = ws.getRow(4).getCell(5);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(String(cell.value)).toMatch(/^=HYPERLINK/);
    expect(cell.formula).toBeUndefined();
  });
});

describe('who exports what', () => {
  it('gives a department only the problems it takes part in', async () => {
    const ws = await sheetOf(await download(zjw, ''));
    expect(ws.getCell('A2').value).toBe('共1个问题');
  });

  it('refuses nobody signed in, and a search the text rule refuses', async () => {
    expect((await download(null, '')).status).toBe(401);
    expect((await download(bureau, '?q=%00abc')).status).toBe(400);
  });
});
