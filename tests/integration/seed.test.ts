import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_DEMO_DATE } from '@/lib/domain/demo-date';
import { supervisionNumber } from '@/lib/domain/problems/numbering';
import { getPlanReconciliation } from '@/lib/server/plan/get-plan-reconciliation';
import { getProblem } from '@/lib/server/problems/get-problem';
import { generateSeedData } from '@/prisma/seed/generate';
import { seedDatabase } from '@/prisma/seed/load';
import { ROOT } from '../../scripts/lib/postgres';
import { actorOf } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('the seeded database', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('seeded');
  });
  afterAll(async () => t?.drop());

  it('reconciles every published figure of 2025', async () => {
    const rec = await getPlanReconciliation(t.db, null, 2025);
    expect(rec).not.toBeNull();
    expect(rec!.lines.filter((l) => !l.matches)).toEqual([]);
    expect(rec!.matches).toBe(true);
    expect(rec!.projectCount).toBe(421);
    expect(rec!.totalInvestment).toBe('20150000.00');
    expect(rec!.lines.find((l) => l.cut === 'TOTAL')!.actual.amount).toBe('2478000.00');
  });

  it('holds the demo round: Jan–Oct approved, November in flight', async () => {
    const byStatus = await t.db.monthlyReport.groupBy({
      by: ['month', 'status'],
      where: { plan: { planYear: { year: 2025 } } },
      _count: true,
      orderBy: { month: 'asc' },
    });
    const oct = byStatus.filter((r) => r.month === 10);
    expect(oct).toEqual([{ month: 10, status: 'APPROVED', _count: 421 }]);
    const nov = new Set(byStatus.filter((r) => r.month === 11).map((r) => r.status));
    expect(nov).toEqual(new Set(['SUBMITTED', 'DRAFT', 'RETURNED']));
    const novCount = byStatus.filter((r) => r.month === 11).reduce((s, r) => s + r._count, 0);
    expect(novCount).toBeLessThan(421); // some are missing
    expect(await t.db.indicator.count()).toBe(25);
    expect(await t.db.user.count({ where: { role: 'DEPARTMENT' } })).toBeGreaterThanOrEqual(5);
  });

  it('stores money exactly: the database sum of the monthly splits equals the annual plan', async () => {
    const [row] = await t.db.$queryRaw<{ split: string; plan: string }[]>`
      WITH plans AS (SELECT pp.* FROM "ProjectPlan" pp JOIN "PlanYear" y ON y.id = pp."planYearId" WHERE y.year = 2025)
      SELECT (SELECT sum(amount) FROM "MonthlyPlanItem" i JOIN plans ON plans.id = i."planId")::text AS split,
             (SELECT sum("annualPlan") FROM plans)::text AS plan`;
    expect(row).toEqual({ split: '2478000.00', plan: '2478000.00' });
  });

  it('holds the demo problems in every state, linked to their reports, with timelines and one 督办单', async () => {
    const generated = generateSeedData().problems;
    const byStatus = await t.db.problem.groupBy({ by: ['status'], _count: true });
    const expected: Record<string, number> = {};
    for (const p of generated) expected[p.status] = (expected[p.status] ?? 0) + 1;
    expect(Object.fromEntries(byStatus.map((r) => [r.status, r._count]))).toEqual(expected);
    expect(await t.db.problemEntry.count()).toBe(generated.reduce((s, p) => s + p.entries.length, 0));
    expect(await t.db.problemSupportingUnit.count()).toBe(generated.reduce((s, p) => s + p.supporting.length, 0));

    // the description is the text of the report and field it names
    const sourced = await t.db.problem.findMany({
      where: { sourceReportId: { not: null } },
      select: {
        description: true,
        sourceField: true,
        sourceReport: { select: { problems: true, coordinationNeeded: true } },
      },
    });
    expect(sourced.length).toBeGreaterThanOrEqual(50);
    for (const p of sourced) {
      const r = p.sourceReport!;
      expect(p.description).toBe(p.sourceField === 'COORDINATION' ? r.coordinationNeeded : r.problems);
    }

    // overdue on the demo date, counted by the database as the ledger will
    const [row] = await t.db.$queryRaw<{ overdue: number }[]>`
      SELECT count(*)::int AS overdue FROM "Problem" WHERE status <> 'CLOSED' AND "dueDate" < ${SEED_DEMO_DATE}::date`;
    expect(row?.overdue).toBe(6);

    // the 督办单 reads as its page and print view will show it
    const escalated = await t.db.problem.findFirstOrThrow({ where: { supervisionNumber: { not: null } } });
    const detail = await getProblem(t.db, await actorOf(t.db, 'bureau'), { id: escalated.id });
    expect(detail.supervision?.number).toBe(supervisionNumber(2025, 1));
    expect(detail.overdue).toBe(true);
    expect(detail.lead).not.toBeNull();
    expect(detail.leader?.name).toMatch(/副区长$/);
    expect(detail.entries.map((e) => e.kind)).toContain('ESCALATED');
    expect(detail.entries.every((e, i) => i === 0 || e.createdAt >= detail.entries[i - 1]!.createdAt)).toBe(true);
  });

  it('gives each 副区长 the problems of the projects in their charge', async () => {
    const leaders = await t.db.user.findMany({
      where: { role: 'LEADER' },
      select: { username: true, displayName: true },
    });
    expect(leaders.map((l) => l.username).sort()).toEqual(
      ['leader', 'leader-chen', 'leader-liu', 'leader-wang', 'leader-zhang', 'leader-zhao'].sort(),
    );
    const rows = await t.db.problem.findMany({
      where: { leaderId: { not: null } },
      select: { leader: { select: { displayName: true } }, project: { select: { leaderInCharge: true } } },
    });
    expect(rows.length).toBeGreaterThan(40);
    for (const r of rows) expect(r.leader!.displayName).toBe(r.project?.leaderInCharge ?? '李区长');
  });

  it('never overwrites: seeding again changes nothing', async () => {
    const before = await t.db.$queryRaw<{ n: bigint; s: string }[]>`
      SELECT count(*) AS n, sum("investedThisMonth")::text AS s FROM "MonthlyReport"`;
    const result = await seedDatabase(t.db);
    expect(result.seeded).toBe(false);
    const after = await t.db.$queryRaw<{ n: bigint; s: string }[]>`
      SELECT count(*) AS n, sum("investedThisMonth")::text AS s FROM "MonthlyReport"`;
    expect(after).toEqual(before);
  });
});

describe('npm run plan:check', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('seeded');
  });
  afterAll(async () => t?.drop());

  const planCheck = (year: string) =>
    spawnSync(
      'npx',
      // as `npm run plan:check` runs it: server code outside Next, with the benchmark's stubs (it reads getRollup)
      [
        '--no-install',
        'tsx',
        '--import',
        './scripts/bench/register.mjs',
        path.join(ROOT, 'scripts/plan-check.ts'),
        year,
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: t.url },
      },
    );

  it('prints every cut beside the report and exits 0 when the plan reconciles', () => {
    const r = planCheck('2025');
    expect(r.stdout).toMatch(/新开工\s+126 个\s+161\.40亿/);
    expect(r.stdout).toMatch(/非房地产的产业/);
    expect(r.stdout).toContain('Every published figure of 2025 is reproduced exactly');
    expect(r.status).toBe(0);
  });

  it('exits 1 and names the line when one plan changes by one cent', async () => {
    await t.db.$executeRaw`
      UPDATE "ProjectPlan" SET "annualPlan" = "annualPlan" + 0.01
       WHERE id = (SELECT min(id) FROM "ProjectPlan" WHERE "investorType" = 'SOCIAL' AND stage <> 'PRELIMINARY')`;
    const rec = await getPlanReconciliation(t.db, null, 2025);
    expect(rec!.matches).toBe(false);
    expect(rec!.lines.find((l) => l.key === 'SOCIAL')!.matches).toBe(false);
    const r = planCheck('2025');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/社会.*82\.50亿 \(825000\.01万\).*不一致/);
  });

  it('exits 2 for a year with no plan', () => {
    expect(planCheck('1999').status).toBe(2);
  });
});
