/**
 * The projects list against the seeded demo data: filters, pinyin order, totals over the whole filtered set, and
 * a department's scope in rows, totals and filter choices. Expected figures come from SQL written by hand here,
 * independently of the query under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProjects } from '@/lib/server/projects/list-projects';
import { actorOf } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase('seeded');
});

afterAll(async () => t?.drop());

interface HandTotals {
  count: number;
  total: string;
  plan: string;
  ytd: string;
}

/** Totals of the 2025 plans of one stage (and optionally one department), summed by hand. */
async function handTotals(stage: string, departmentId?: number): Promise<HandTotals> {
  const [py] = await t.db.$queryRaw<
    { currentMonth: number }[]
  >`SELECT "currentMonth" FROM "PlanYear" WHERE year = 2025`;
  const through = (py?.currentMonth ?? 1) - 1;
  const [row] = await t.db.$queryRaw<HandTotals[]>`
    SELECT count(*)::int AS count,
           COALESCE(sum(p."totalInvestment"), 0)::text AS total,
           COALESCE(sum(pp."annualPlan"), 0)::text AS plan,
           COALESCE((SELECT sum(r."investedThisMonth") FROM "MonthlyReport" r
                       JOIN "ProjectPlan" pp2 ON pp2.id = r."planId" JOIN "Project" p2 ON p2.id = pp2."projectId"
                      WHERE pp2."planYearId" = (SELECT id FROM "PlanYear" WHERE year = 2025)
                        AND pp2.stage::text = ${stage}
                        AND (${departmentId ?? null}::int IS NULL OR p2."departmentId" = ${departmentId ?? null}::int)
                        AND r.status = 'APPROVED' AND r.month <= ${through}), 0)::text AS ytd
      FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
     WHERE pp."planYearId" = (SELECT id FROM "PlanYear" WHERE year = 2025)
       AND pp.stage::text = ${stage}
       AND (${departmentId ?? null}::int IS NULL OR p."departmentId" = ${departmentId ?? null}::int)`;
  if (!row) throw new Error('no totals');
  return row;
}

const decimal = (s: string) => Number(s).toFixed(2);

describe('listProjects filters', () => {
  it('filters by stage, investor type, direction, department and area together', async () => {
    const sample = await t.db.projectPlan.findFirstOrThrow({
      where: { planYear: { year: 2025 }, stage: 'NEW_START' },
      select: { investorType: true, direction: true, project: { select: { departmentId: true, area: true } } },
      orderBy: { id: 'asc' },
    });
    const expected = await t.db.projectPlan.count({
      where: {
        planYear: { year: 2025 },
        stage: 'NEW_START',
        investorType: sample.investorType,
        direction: sample.direction,
        project: { departmentId: sample.project.departmentId, area: sample.project.area },
      },
    });
    const list = await listProjects(t.db, await actorOf(t.db, 'bureau'), {
      year: 2025,
      pageSize: 200,
      stages: ['NEW_START'],
      investorTypes: [sample.investorType],
      directions: [sample.direction],
      departmentIds: [sample.project.departmentId],
      areas: [sample.project.area],
    });
    expect(expected).toBeGreaterThan(0);
    expect(list?.total).toBe(expected);
    expect(list?.items).toHaveLength(expected);
    for (const item of list?.items ?? []) {
      expect(item).toMatchObject({
        stage: 'NEW_START',
        investorType: sample.investorType,
        direction: sample.direction,
        departmentId: sample.project.departmentId,
        area: sample.project.area,
      });
    }
  });

  it('searches names and codes case-insensitively, treating % and _ literally', async () => {
    const project = await t.db.project.findFirstOrThrow({
      where: { plans: { some: { planYear: { year: 2025 } } } },
      orderBy: { id: 'asc' },
    });
    const byCode = await listProjects(t.db, await actorOf(t.db, 'bureau'), {
      year: 2025,
      q: project.code.toLowerCase(),
    });
    expect(byCode?.items.map((i) => i.id)).toContain(project.id);
    const byName = await listProjects(t.db, await actorOf(t.db, 'bureau'), { year: 2025, q: project.name.slice(0, 4) });
    expect(byName?.items.map((i) => i.id)).toContain(project.id);
    const wildcard = await listProjects(t.db, await actorOf(t.db, 'bureau'), { year: 2025, q: '%' });
    expect(wildcard?.total).toBe(0);
  });

  it('derives pace warnings in SQL: 前期 never warns, and each level filters to itself', async () => {
    const all = await listProjects(t.db, await actorOf(t.db, 'bureau'), {
      year: 2025,
      pageSize: 200,
      stages: ['PRELIMINARY'],
    });
    expect(all?.items.every((i) => i.warning === 'none')).toBe(true);
    let sum = 0;
    for (const level of ['red', 'yellow', 'none'] as const) {
      const list = await listProjects(t.db, await actorOf(t.db, 'bureau'), {
        year: 2025,
        pageSize: 200,
        warnings: [level],
      });
      expect(list?.items.every((i) => i.warning === level)).toBe(true);
      sum += list?.total ?? 0;
    }
    const everything = await listProjects(t.db, await actorOf(t.db, 'bureau'), { year: 2025 });
    expect(sum).toBe(everything?.total);
  });
});

describe('listProjects sorting', () => {
  it('orders Chinese names by pinyin, not by code point', async () => {
    const list = await listProjects(t.db, await actorOf(t.db, 'bureau'), { year: 2025, pageSize: 200, sort: 'name' });
    const names = list?.items.map((i) => i.name) ?? [];
    // Compare with PostgreSQL's own pinyin collation, applied by hand, and with a few readings everyone knows.
    const expected = await t.db.$queryRaw<{ name: string }[]>`
      SELECT p.name FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
       WHERE pp."planYearId" = (SELECT id FROM "PlanYear" WHERE year = 2025)
       ORDER BY p.name COLLATE "zh-x-icu", p.code LIMIT 200`;
    expect(names).toEqual(expected.map((r) => r.name));
    const [order] = await t.db.$queryRaw<{ names: string[] }[]>`
      SELECT array_agg(n ORDER BY n COLLATE "zh-x-icu") AS names FROM unnest(ARRAY['渝中','安置','北区','解放碑']) n`;
    expect(order?.names).toEqual(['安置', '北区', '解放碑', '渝中']);
    expect(names).not.toEqual([...names].sort());
  });

  it('puts 前期 projects without an annual plan last either way', async () => {
    const bureau = await actorOf(t.db, 'bureau');
    for (const dir of ['asc', 'desc'] as const) {
      // all 421, page by page: the projects with a plan in order, then every one without
      const plans: (string | null)[] = [];
      for (let page = 1; page <= 3; page++) {
        const list = await listProjects(t.db, bureau, { year: 2025, pageSize: 200, page, sort: 'annualPlan', dir });
        plans.push(...(list?.items.map((i) => i.annualPlan) ?? []));
      }
      expect(plans).toHaveLength(421);
      const planned = plans.filter((p) => p !== null).map(Number);
      expect(plans.filter((p) => p === null)).toHaveLength(155); // the 前期 projects
      expect(plans.slice(planned.length).every((p) => p === null)).toBe(true);
      expect(planned).toEqual([...planned].sort((a, b) => (dir === 'asc' ? a - b : b - a)));
    }
    const desc = await listProjects(t.db, await actorOf(t.db, 'bureau'), {
      year: 2025,
      sort: 'totalInvestment',
      dir: 'desc',
    });
    const values = desc?.items.map((i) => Number(i.totalInvestment)) ?? [];
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });
});

describe('listProjects totals', () => {
  it('sums the whole filtered set, not the page, exactly as a hand-written SQL sum', async () => {
    const expected = await handTotals('NEW_START');
    const list = await listProjects(t.db, await actorOf(t.db, 'bureau'), {
      year: 2025,
      pageSize: 5,
      stages: ['NEW_START'],
    });
    expect(list?.items).toHaveLength(5);
    expect(list?.totals.count).toBe(expected.count);
    expect(list?.total).toBe(expected.count);
    expect(decimal(list?.totals.totalInvestment ?? '')).toBe(decimal(expected.total));
    expect(decimal(list?.totals.annualPlan ?? '')).toBe(decimal(expected.plan));
    expect(decimal(list?.totals.ytdApproved ?? '')).toBe(decimal(expected.ytd));
    // totals are exact decimal strings from PostgreSQL, never floats
    expect(list?.totals.annualPlan).toMatch(/^\d+\.\d{2}$/);
  });

  it('keeps the rate of the totals as total YTD over total plan', async () => {
    const list = await listProjects(t.db, await actorOf(t.db, 'bureau'), { year: 2025, stages: ['ONGOING'] });
    const { ytdApproved, annualPlan, ratePercent } = list?.totals ?? {};
    expect(Number(ratePercent)).toBeCloseTo((Number(ytdApproved) * 100) / Number(annualPlan), 6);
  });
});

describe('listProjects department scope', () => {
  it('keeps a department to its own projects in rows, totals and filter choices, whatever it asks for', async () => {
    const zjw = await actorOf(t.db, 'zjw');
    const own = zjw.departmentId ?? -1;
    const other = await t.db.project.findFirstOrThrow({
      where: { departmentId: { not: own }, plans: { some: { planYear: { year: 2025 } } } },
      select: { departmentId: true },
    });

    const list = await listProjects(t.db, zjw, { year: 2025, pageSize: 200, stages: ['NEW_START'] });
    const expected = await handTotals('NEW_START', own);
    expect(list?.items.every((i) => i.departmentId === own)).toBe(true);
    expect(list?.totals.count).toBe(expected.count);
    expect(decimal(list?.totals.annualPlan ?? '')).toBe(decimal(expected.plan));
    expect(decimal(list?.totals.ytdApproved ?? '')).toBe(decimal(expected.ytd));
    expect(list?.facets.departments.map((d) => d.id)).toEqual([own]);

    const sneaky = await listProjects(t.db, zjw, { year: 2025, departmentIds: [other.departmentId] });
    expect(sneaky?.total).toBe(0);
    expect(sneaky?.totals.count).toBe(0);
    expect(sneaky?.totals.annualPlan).toBe('0');
  });
});
