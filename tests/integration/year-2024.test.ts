import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figuresDigest, SNAPSHOT_VERSION } from '@/lib/server/plan/year-snapshot';
import { getRollup } from '@/lib/server/dashboard/get-rollup';
import { getProjectYears } from '@/lib/server/projects/get-project-years';
import { actorOf } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('the seeded 2024 year', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('seeded');
  });
  afterAll(async () => t?.drop());

  it('is closed, and holds exactly the 2025 projects that were under way (续建 and 完工 with spending before 2025)', async () => {
    const year = await t.db.planYear.findUniqueOrThrow({ where: { year: 2024 } });
    expect(year.status).toBe('CLOSED');
    const [row] = await t.db.$queryRaw<{ carried: number; in2024: number; other: number }[]>`
      SELECT (SELECT count(*) FROM "ProjectPlan" pp JOIN "PlanYear" y ON y.id = pp."planYearId"
               WHERE y.year = 2025 AND pp.stage IN ('ONGOING', 'COMPLETION') AND pp."cumulativeBeforeYear" > 0)::int AS carried,
             (SELECT count(*) FROM "ProjectPlan" pp JOIN "PlanYear" y ON y.id = pp."planYearId" WHERE y.year = 2024)::int AS "in2024",
             (SELECT count(*) FROM "ProjectPlan" p24 JOIN "PlanYear" y ON y.id = p24."planYearId" AND y.year = 2024
               WHERE NOT EXISTS (SELECT 1 FROM "ProjectPlan" p25 JOIN "PlanYear" y25 ON y25.id = p25."planYearId"
                                  WHERE y25.year = 2025 AND p25."projectId" = p24."projectId"
                                    AND p25.stage IN ('ONGOING', 'COMPLETION')))::int AS other`;
    expect(row!.carried).toBe(86 + 54);
    expect(row!.in2024).toBe(row!.carried);
    expect(row!.other).toBe(0);
  });

  it('carries over to the fen: 2024 cumulative before the year + its approved months = 2025 cumulative before the year, for every project', async () => {
    const rows = await t.db.$queryRaw<{ code: string; before2024: string; approved: string; before2025: string }[]>`
      SELECT p.code, p24."cumulativeBeforeYear"::text AS before2024,
             (SELECT sum(r."approvedInvested") FROM "MonthlyReport" r WHERE r."planId" = p24.id AND r.status = 'APPROVED')::text AS approved,
             p25."cumulativeBeforeYear"::text AS before2025
        FROM "ProjectPlan" p24
        JOIN "PlanYear" y24 ON y24.id = p24."planYearId" AND y24.year = 2024
        JOIN "ProjectPlan" p25 ON p25."projectId" = p24."projectId"
        JOIN "PlanYear" y25 ON y25.id = p25."planYearId" AND y25.year = 2025
        JOIN "Project" p ON p.id = p24."projectId"
       WHERE p24."cumulativeBeforeYear" + (SELECT COALESCE(sum(r."approvedInvested"), 0) FROM "MonthlyReport" r WHERE r."planId" = p24.id)
             <> p25."cumulativeBeforeYear"`;
    expect(rows).toEqual([]);
  });

  it('has twelve approved months per plan, a monthly split equal to the plan, and nothing spent before a 2024 start', async () => {
    const [row] = await t.db.$queryRaw<
      { plans: number; reports: number; approved: number; badSplits: number; beforeStart: number; negative: number }[]
    >`
      WITH p24 AS (SELECT pp.* FROM "ProjectPlan" pp JOIN "PlanYear" y ON y.id = pp."planYearId" WHERE y.year = 2024)
      SELECT (SELECT count(*) FROM p24)::int AS plans,
             (SELECT count(*) FROM "MonthlyReport" r JOIN p24 ON p24.id = r."planId")::int AS reports,
             (SELECT count(*) FROM "MonthlyReport" r JOIN p24 ON p24.id = r."planId"
               WHERE r.status = 'APPROVED' AND r."approvedInvested" = r."investedThisMonth" AND r."reviewedAt" > r."submittedAt")::int AS approved,
             (SELECT count(*) FROM p24 WHERE p24."annualPlan" <> (SELECT sum(amount) FROM "MonthlyPlanItem" i WHERE i."planId" = p24.id))::int AS "badSplits",
             (SELECT count(*) FROM "MonthlyReport" r JOIN p24 ON p24.id = r."planId" JOIN "Project" p ON p.id = p24."projectId"
               WHERE p24.stage = 'NEW_START' AND r."approvedInvested" > 0
                 AND make_date(2024, r.month, 1) + interval '1 month' <= p."actualStart")::int AS "beforeStart",
             (SELECT count(*) FROM "MonthlyReport" r JOIN p24 ON p24.id = r."planId" WHERE r."approvedInvested" < 0)::int AS negative`;
    expect(row!.plans).toBeGreaterThan(0);
    expect(row!.reports).toBe(row!.plans * 12);
    expect(row!.approved).toBe(row!.reports);
    expect(row!.badSplits).toBe(0);
    expect(row!.beforeStart).toBe(0);
    expect(row!.negative).toBe(0);
  });

  it('plans within a plausible band of what was done (90–115%)', async () => {
    const [row] = await t.db.$queryRaw<{ outside: number }[]>`
      SELECT count(*)::int AS outside FROM "ProjectPlan" pp JOIN "PlanYear" y ON y.id = pp."planYearId" AND y.year = 2024
       WHERE (SELECT sum(r."approvedInvested") FROM "MonthlyReport" r WHERE r."planId" = pp.id) * 0.85 > pp."annualPlan"
          OR (SELECT sum(r."approvedInvested") FROM "MonthlyReport" r WHERE r."planId" = pp.id) * 1.2 < pp."annualPlan"`;
    expect(row!.outside).toBe(0);
  });

  it('keeps its final rollup as the close does: the snapshot equals the live December rollup', async () => {
    const bureau = await actorOf(t.db, 'bureau');
    for (const basis of ['approved', 'submitted'] as const) {
      const snapshot = await t.db.planYearSnapshot.findFirstOrThrow({
        where: { planYear: { year: 2024 }, basis },
      });
      const live = await getRollup(t.db, bureau, { year: 2024, month: 12, basis });
      expect(snapshot).toMatchObject({ month: 12, version: SNAPSHOT_VERSION, digest: figuresDigest(live) });
    }
  });

  it('gives a carried project’s page both years: 2024 ends where 2025 begins, each year’s outcome exact', async () => {
    const carried = await t.db.projectPlan.findMany({
      where: { planYear: { year: 2024 } },
      select: { projectId: true, project: { select: { departmentId: true } } },
      take: 5,
      orderBy: { id: 'asc' },
    });
    const leader = await actorOf(t.db, 'leader');
    for (const { projectId } of carried) {
      const { years, totalInvestment } = await getProjectYears(t.db, leader, { projectId });
      expect(years.map((y) => [y.year, y.status])).toEqual([
        [2024, 'CLOSED'],
        [2025, 'ACTIVE'],
      ]);
      const [y2024, y2025] = years as [(typeof years)[0], (typeof years)[0]];
      expect(y2024.cumulativeEnd).toBe(y2025.cumulativeBeforeYear);
      expect(y2024.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(y2024.months.at(-1)!.cumulative).toBe(y2024.cumulativeEnd);
      const [sums] = await t.db.$queryRaw<{ y2024: string; y2025: string }[]>`
        SELECT (SELECT sum(r."approvedInvested") FROM "MonthlyReport" r JOIN "ProjectPlan" pp ON pp.id = r."planId"
                 JOIN "PlanYear" y ON y.id = pp."planYearId" WHERE pp."projectId" = ${projectId} AND y.year = 2024)::numeric(18, 2)::text AS y2024,
               (SELECT COALESCE(sum(r."approvedInvested"), 0) FROM "MonthlyReport" r JOIN "ProjectPlan" pp ON pp.id = r."planId"
                 JOIN "PlanYear" y ON y.id = pp."planYearId" WHERE pp."projectId" = ${projectId} AND y.year = 2025)::numeric(18, 2)::text AS y2025`;
      expect([y2024.completed, y2025.completed]).toEqual([sums!.y2024, sums!.y2025]);
      expect(Number(y2025.cumulativeEnd)).toBeLessThanOrEqual(Number(totalInvestment));
    }
  });
});
