/**
 * Reads on the record: who sees which projects, their history, and the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '@/lib/server/audit';
import { getAuditFilterOptions } from '@/lib/server/audit/get-audit-filter-options';
import { listAuditLog } from '@/lib/server/audit/list-audit-log';
import { ForbiddenError, NotFoundError } from '@/lib/server/errors';
import { getProject } from '@/lib/server/projects/get-project';
import { getProjectHistory } from '@/lib/server/projects/get-project-history';
import { listProjects } from '@/lib/server/projects/list-projects';
import { ZAuditLogFilter } from '@/lib/validations/audit';
import { actorOf } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;

/** A project of the user's department with a 2025 plan. */
async function projectOf(username: string) {
  return t.db.project.findFirstOrThrow({
    where: {
      departmentId: (await actorOf(t.db, username)).departmentId ?? -1,
      plans: { some: { planYear: { year: 2025 } } },
    },
    select: {
      id: true,
      departmentId: true,
      plans: { select: { id: true, reports: { select: { id: true, month: true } } } },
    },
    orderBy: { id: 'asc' },
  });
}

beforeAll(async () => {
  t = await createTestDatabase('seeded');
});

afterAll(async () => t?.drop());

describe('listProjects', () => {
  it('shows a department only its own projects, counted in the query', async () => {
    const zjw = await actorOf(t.db, 'zjw');
    const own = await t.db.projectPlan.count({
      where: { planYear: { year: 2025 }, project: { departmentId: zjw.departmentId ?? -1 } },
    });
    const department = await t.db.department.findUniqueOrThrow({ where: { id: zjw.departmentId ?? -1 } });

    const list = await listProjects(t.db, zjw, { year: 2025, pageSize: 200 });

    expect(list?.total).toBe(own);
    expect(list?.items).toHaveLength(own);
    expect(new Set(list?.items.map((p) => p.departmentName))).toEqual(new Set([department.name]));
  });

  it('shows the bureau and leaders all 421 projects, a page at a time', async () => {
    for (const username of ['bureau', 'leader']) {
      const first = await listProjects(t.db, await actorOf(t.db, username), { year: 2025 });
      const second = await listProjects(t.db, await actorOf(t.db, username), { year: 2025, page: 2 });
      expect(first?.total).toBe(421);
      expect(first?.items).toHaveLength(50);
      expect((second?.items[0]?.code ?? '') > (first?.items.at(-1)?.code ?? '')).toBe(true);
    }
  });

  it('sums approved reports in the database, exactly', async () => {
    const list = await listProjects(t.db, await actorOf(t.db, 'bureau'), { year: 2025, pageSize: 5 });
    for (const item of list?.items ?? []) {
      const [row] = await t.db.$queryRaw<{ sum: string }[]>`
        SELECT COALESCE(sum(r."investedThisMonth"), 0)::numeric(18, 2)::text AS sum
          FROM "MonthlyReport" r JOIN "ProjectPlan" pp ON pp.id = r."planId" JOIN "PlanYear" y ON y.id = pp."planYearId"
         WHERE pp."projectId" = ${item.id} AND r.status = 'APPROVED' AND y.year = 2025`;
      expect(item.ytdApproved).toBe(row?.sum);
    }
  });

  it('answers null for a plan year that does not exist', async () => {
    expect(await listProjects(t.db, await actorOf(t.db, 'bureau'), { year: 1999 })).toBeNull();
  });
});

describe('getProject', () => {
  it('gives the owning department the project, its plan, monthly split and reports', async () => {
    const own = await projectOf('zjw');
    const project = await getProject(t.db, await actorOf(t.db, 'zjw'), { id: own.id, year: 2025 });
    expect(project.id).toBe(own.id);
    expect(project.plan?.year).toBe(2025);
    expect(project.plan?.currentMonth).toBe(11);
    expect(project.plan?.reports.map((r) => r.month)).toEqual(
      own.plans[0]?.reports.map((r) => r.month).sort((a, b) => a - b),
    );
    if (project.plan?.annualPlan) {
      expect(project.plan.monthlyPlan).toHaveLength(12);
      expect(project.plan.totals.planned).toBe(project.plan.annualPlan);
    }
  });

  it('answers another department’s project exactly like one that does not exist', async () => {
    const theirs = await projectOf('jtj');
    const error = await getProject(t.db, await actorOf(t.db, 'zjw'), { id: theirs.id }).catch((e: unknown) => e);
    const missing = await getProject(t.db, await actorOf(t.db, 'zjw'), { id: 99_999_999 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toBe((missing as NotFoundError).message);
  });

  it('lets the bureau and leaders read any project', async () => {
    const theirs = await projectOf('jtj');
    for (const username of ['bureau', 'leader', 'admin']) {
      expect((await getProject(t.db, await actorOf(t.db, username), { id: theirs.id })).id).toBe(theirs.id);
    }
  });

  it('has no plan for a year the project was not planned in', async () => {
    const own = await projectOf('zjw');
    expect((await getProject(t.db, await actorOf(t.db, 'zjw'), { id: own.id, year: 2024 })).plan).toBeNull();
  });
});

describe('getProjectHistory', () => {
  it('returns the rows of the project, its plans and its reports, newest first, and nothing else', async () => {
    const own = await projectOf('zjw');
    const plan = own.plans[0];
    const report = plan?.reports[0];
    if (!plan || !report) throw new Error('seeded project without plan or report');
    const other = await projectOf('jtj');
    const who = { actor: await actorOf(t.db, 'bureau'), ip: '10.0.0.1' };

    await writeAudit(t.db, who, {
      action: 'project.update',
      entity: 'Project',
      entityId: own.id,
      before: { name: 'a' },
      after: { name: 'b' },
    });
    await writeAudit(t.db, who, { action: 'plan.update', entity: 'ProjectPlan', entityId: plan.id });
    await writeAudit(t.db, who, { action: 'report.approve', entity: 'MonthlyReport', entityId: report.id });
    await writeAudit(t.db, who, { action: 'project.update', entity: 'Project', entityId: other.id });
    // the same id in another entity is another record
    await writeAudit(t.db, who, { action: 'user.update', entity: 'User', entityId: own.id });

    const rows = await getProjectHistory(t.db, await actorOf(t.db, 'zjw'), { projectId: own.id });

    expect(rows.map((r) => [r.action, r.entity])).toEqual([
      ['report.approve', 'MonthlyReport'],
      ['plan.update', 'ProjectPlan'],
      ['project.update', 'Project'],
    ]);
    expect(rows[0]?.context).toEqual({ year: 2025, month: report.month });
    expect(rows[2]).toMatchObject({ before: { name: 'a' }, after: { name: 'b' }, actor: 'bureau', ip: '10.0.0.1' });
  });

  it('answers another department’s project like a missing one', async () => {
    const theirs = await projectOf('jtj');
    await expect(getProjectHistory(t.db, await actorOf(t.db, 'zjw'), { projectId: theirs.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(getProjectHistory(t.db, await actorOf(t.db, 'zjw'), { projectId: 99_999_999 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe('listAuditLog', () => {
  const filter = (query: Record<string, string>) => ZAuditLogFilter.parse(query);

  it.each(['zjw', 'leader'])('is forbidden to %s, as are its filter options', async (username) => {
    await expect(listAuditLog(t.db, await actorOf(t.db, username), filter({}))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getAuditFilterOptions(t.db, await actorOf(t.db, username))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('filters by person, department, entity, action and Chongqing dates, newest first', async () => {
    const zjw = await actorOf(t.db, 'zjw');
    const jtj = await actorOf(t.db, 'jtj');
    const jtjProject = await projectOf('jtj');
    const zjwProject = await projectOf('zjw');
    // Distinct actions so the assertions see only this test's rows.
    await writeAudit(
      t.db,
      { actor: zjw, ip: null },
      { action: 'test.byZjw', entity: 'MonthlyReport', entityId: 99_999_999 },
    );
    await writeAudit(
      t.db,
      { actor: await actorOf(t.db, 'bureau'), ip: null },
      { action: 'test.onJtj', entity: 'Project', entityId: jtjProject.id },
    );
    await writeAudit(
      t.db,
      { actor: await actorOf(t.db, 'bureau'), ip: null },
      { action: 'test.onZjw', entity: 'Project', entityId: zjwProject.id },
    );
    await writeAudit(t.db, { actor: jtj, ip: null }, { action: 'test.byJtj', entity: 'User', entityId: jtj.id });

    const bureau = await actorOf(t.db, 'bureau');
    const actions = async (query: Record<string, string>) =>
      (await listAuditLog(t.db, bureau, filter(query))).rows.map((r) => r.action).filter((a) => a.startsWith('test.'));

    expect(await actions({ person: 'zjw' })).toEqual(['test.byZjw']);
    expect(await actions({ person: 'ZJW' })).toEqual(['test.byZjw']);
    expect(await actions({ person: String(zjw.id) })).toEqual(['test.byZjw']);
    expect(await actions({ person: '张填报' })).toEqual(['test.byZjw']);
    // the actor's department, or the record's
    expect(await actions({ department: String(jtj.departmentId) })).toEqual(['test.byJtj', 'test.onJtj']);
    expect(await actions({ department: String(zjw.departmentId) })).toEqual(['test.onZjw', 'test.byZjw']);
    expect(await actions({ entity: 'Project' })).toEqual(['test.onZjw', 'test.onJtj']);
    expect(await actions({ action: 'test.byJtj' })).toEqual(['test.byJtj']);

    const now = new Date();
    const chongqingToday = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(await actions({ from: chongqingToday, to: chongqingToday })).toHaveLength(4);
    expect(await actions({ to: '2020-01-01' })).toEqual([]);
  });

  it('pages through the log', async () => {
    const bureau = await actorOf(t.db, 'bureau');
    const all = await listAuditLog(t.db, bureau, filter({}));
    const page = await listAuditLog(t.db, bureau, filter({ page: '2' }), 2);
    expect(page.total).toBe(all.total);
    expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(2, 4).map((r) => r.id));
  });

  it('offers the departments, entities and actions in the log as filter choices', async () => {
    const options = await getAuditFilterOptions(t.db, await actorOf(t.db, 'admin'));
    expect(options.departments.length).toBeGreaterThan(5);
    expect(options.entities).toContain('PlanYear');
    expect(options.actions).toContain('seed');
  });
});
