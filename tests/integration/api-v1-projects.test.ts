/**
 * The read-only JSON API's project routes, called as the city's platform calls them: each story sends a `Request`
 * with a bearer token to the real route handlers, against a throwaway copy of the seeded database, and compares
 * what comes back with the project list and the database. Authentication and the rollup: api-v1.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { actorOf } from '../helpers/actors';
import { apiClient, expectError, ok } from '../helpers/api-client';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

interface ProjectPage {
  data: { code: string; stage: string; departmentId: number; annualPlan: string | null; ytdApproved: string }[];
  page: number;
  pageSize: number;
  total: number;
  year: number;
  unit: string;
}

let t: TestDatabase;
let api: Awaited<ReturnType<typeof apiClient>>;
let listProjects: typeof import('@/lib/server/projects/list-projects').listProjects;
let leader: Actor;

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  leader = await actorOf(t.db, 'leader');
  api = await apiClient(t.db);
  ({ listProjects } = await import('@/lib/server/projects/list-projects'));
}, 120_000);

afterAll(async () => t?.drop());

describe('GET /projects', () => {
  it('pages through all 421 projects of the default year, in the list’s order, without overlap', async () => {
    const first = await ok<ProjectPage>(await api.projects('?pageSize=200'));
    expect(first).toMatchObject({ page: 1, pageSize: 200, total: 421, year: 2025, unit: '万元' });
    expect(first.data).toHaveLength(200);
    const third = await ok<ProjectPage>(await api.projects('?year=2025&pageSize=200&page=3'));
    expect(third.data).toHaveLength(21);
    const second = await ok<ProjectPage>(await api.projects('?year=2025&pageSize=200&page=2'));
    const codes = [...first.data, ...second.data, ...third.data].map((p) => p.code);
    expect(new Set(codes).size).toBe(421);
    expect(codes).toEqual([...codes].sort());
    // the same rows listProjects gives the project list page
    const listed = await listProjects(t.db, leader, { year: 2025, page: 2, pageSize: 200 });
    expect(second.data).toEqual(JSON.parse(JSON.stringify(listed!.items)));
  });

  it('filters as the list does: stage, investor, warning, department, search', async () => {
    const newStarts = await ok<ProjectPage>(await api.projects('?stage=NEW_START&pageSize=200'));
    expect(newStarts.total).toBe(126);
    expect(newStarts.data.every((p) => p.stage === 'NEW_START')).toBe(true);

    const two = await ok<ProjectPage>(await api.projects('?stage=COMPLETION,ONGOING&pageSize=1'));
    const repeated = await ok<ProjectPage>(await api.projects('?stage=COMPLETION&stage=ONGOING&pageSize=1'));
    expect(two.total).toBe(86 + 54);
    expect(repeated.total).toBe(two.total);

    const zjw = await t.db.user.findUniqueOrThrow({ where: { username: 'zjw' } });
    const byDepartment = await ok<ProjectPage>(
      await api.projects(`?department=${zjw.departmentId}&warning=red,yellow&investor=DISTRICT&pageSize=200`),
    );
    const listed = await listProjects(t.db, leader, {
      year: 2025,
      pageSize: 200,
      departmentIds: [zjw.departmentId!],
      warnings: ['red', 'yellow'],
      investorTypes: ['DISTRICT'],
    });
    expect(byDepartment.total).toBe(listed!.total);
    expect(byDepartment.data.map((p) => p.code)).toEqual(listed!.items.map((p) => p.code));
    expect(byDepartment.data.every((p) => p.departmentId === zjw.departmentId)).toBe(true);

    const sample = newStarts.data[0]!;
    const found = await ok<ProjectPage>(await api.projects(`?q=${encodeURIComponent(sample.code.toLowerCase())}`));
    expect(found.data.map((p) => p.code)).toContain(sample.code);
  });

  it('answers 400 with the validation messages for bad parameters, and 404 for an unknown year', async () => {
    const cases: [string, string][] = [
      ['?pageSize=0', 'pageSize'],
      ['?pageSize=500', 'pageSize'],
      ['?page=abc', 'page'],
      ['?stage=FINISHED', 'stage'],
      ['?warning=orange', 'warning'],
      ['?department=zjw', 'department'],
      ['?sort=budget', 'sort'],
      ['?year=25', 'year'],
      ['?stages=NEW_START', 'stages'],
    ];
    for (const [query, parameter] of cases) {
      const body = await expectError(await api.projects(query), 400, 'BAD_REQUEST');
      expect(
        body.error.details?.map((d) => d.parameter),
        query,
      ).toContain(parameter);
    }
    const body = await expectError(await api.projects('?stage=FINISHED'), 400, 'BAD_REQUEST');
    expect(body.error.details![0]!.message).toBe('stage must be one of COMPLETION, ONGOING, NEW_START, PRELIMINARY');
    await expectError(await api.projects('?year=2031'), 404, 'NOT_FOUND');
  });
});

interface ProjectBody {
  code: string;
  name: string;
  department: { id: number; name: string };
  contactPhone?: unknown;
  unit: string;
  plan: {
    year: number;
    annualPlan: string | null;
    totals: { planned: string; reported: string; approved: string };
    months: {
      month: number;
      planned: string | null;
      reported: string | null;
      status: string | null;
      approved: string | null;
    }[];
  } | null;
}

describe('GET /projects/{code}', () => {
  it('answers with the project, its plan and twelve months of history, as getProject and the database have them', async () => {
    const plan = await t.db.projectPlan.findFirstOrThrow({
      where: { planYear: { year: 2025 }, stage: 'ONGOING', reports: { some: { status: 'APPROVED' } } },
      include: { project: { include: { department: true } } },
      orderBy: { id: 'asc' },
    });
    const body = await ok<ProjectBody>(await api.project(plan.project.code, '?year=2025'));
    expect(body).toMatchObject({
      code: plan.project.code,
      name: plan.project.name,
      department: { id: plan.project.departmentId, name: plan.project.department.name },
      unit: '万元',
    });
    expect(body).not.toHaveProperty('contactPhone');
    expect(body.plan!.year).toBe(2025);
    expect(body.plan!.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

    const reports = await t.db.monthlyReport.findMany({ where: { planId: plan.id } });
    const items = await t.db.monthlyPlanItem.findMany({ where: { planId: plan.id } });
    for (const m of body.plan!.months) {
      const report = reports.find((r) => r.month === m.month);
      expect(m.status, `month ${m.month}`).toBe(report?.status ?? null);
      expect(m.reported).toBe(report?.investedThisMonth.toFixed(2) ?? null);
      expect(m.approved).toBe(report?.approvedInvested?.toFixed(2) ?? null);
      expect(m.planned).toBe(items.find((i) => i.month === m.month)?.amount.toFixed(2) ?? null);
    }
    const approved = body.plan!.months.reduce((a, m) => a + Math.round(Number(m.approved ?? 0) * 100), 0);
    expect(approved).toBe(Math.round(Number(body.plan!.totals.approved) * 100));
    expect(body.plan!.months.some((m) => m.status === 'APPROVED')).toBe(true);

    // without ?year, the year the pages show (the active one)
    const byDefault = await ok<ProjectBody>(await api.project(plan.project.code));
    expect(byDefault.plan!.year).toBe(2025);
  });

  it('answers 404 for an unknown code or year, and 400 for a bad year', async () => {
    const body = await expectError(await api.project('NO-SUCH-CODE'), 404, 'NOT_FOUND');
    expect(body.error.message).toContain('NO-SUCH-CODE');
    const code = (await t.db.project.findFirstOrThrow({ orderBy: { id: 'asc' } })).code;
    await expectError(await api.project(code, '?year=2031'), 404, 'NOT_FOUND');
    await expectError(await api.project(code, '?year=next'), 400, 'BAD_REQUEST');
    await expectError(await api.project(code, '?yr=2025'), 400, 'BAD_REQUEST');
  });
});
