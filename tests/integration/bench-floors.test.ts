/**
 * The benchmark's floors (scripts/bench/floors.ts) are only a fair yardstick if they compute what the app shows:
 * on the seeded 2025 plan, each floor, over the reports and over the maintained summary, gives the dashboard's and
 * the projects list's figures (and so the rollup's by the floors' independent SQL, e.g. its on-time counts and
 * 前期 milestones). A floor that read less (a wrong month, a missing join) would look fast and make
 * every ratio in docs/performance.md a lie.
 */
import Decimal from 'decimal.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRollup } from '@/lib/server/dashboard/get-rollup';
import { listProjects } from '@/lib/server/projects/list-projects';
import {
  dashboardFloor,
  facetsFloor,
  listFloor,
  type FloorSource,
  type ListFloorParams,
} from '../../scripts/bench/floors';
import { actorOf } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let pool: pg.Pool;
const SOURCES: FloorSource[] = ['reports', 'summary'];

beforeAll(async () => {
  t = await createTestDatabase('seeded');
  pool = new pg.Pool({ connectionString: t.url, max: 5 });
}, 120_000);

afterAll(async () => {
  await pool?.end();
  await t?.drop();
});

const dec = (v: string | number | null | undefined) => new Decimal(v ?? 0).toFixed(2);

describe('the dashboard floor', () => {
  it('computes the rollup’s totals, cuts, S-curve and on-time counts from either source', async () => {
    const leader = await actorOf(t.db, 'leader');
    const planYear = await t.db.planYear.findUniqueOrThrow({ where: { year: 2025 } });
    const rollup = (await getRollup(t.db, leader, { year: 2025, basis: 'approved' }))!;
    const params = {
      planYearId: planYear.id,
      year: 2025,
      month: rollup.month,
      deadlineDay: planYear.reportDeadlineDay,
    };
    const floors = await Promise.all(SOURCES.map((s) => dashboardFloor(pool, s, params)));

    for (const floor of floors) {
      type Cut = {
        g: number;
        stage: string | null;
        departmentId: number | null;
        n: number;
        plan: string;
        completed: string;
      };
      const cuts = floor.cuts as Cut[];
      const all = cuts.find((r) => r.g === 31)!;
      expect(all.n).toBe(rollup.projectCount);
      expect(dec(all.plan)).toBe(dec(rollup.annualPlan));
      expect(dec(all.completed)).toBe(dec(rollup.completed));
      for (const s of rollup.byStage) {
        const row = cuts.find((r) => r.g === 15 && r.stage === s.key)!;
        expect([row.n, dec(row.completed)]).toEqual([s.count, dec(s.completed)]);
      }
      const timeliness = floor.timeliness as { departmentId: number; due: string; onTime: string }[];
      for (const d of rollup.byDepartment) {
        const row = timeliness.find((r) => r.departmentId === d.key)!;
        expect([Number(row.due), Number(row.onTime)], `department ${d.label}`).toEqual([d.reportsDue, d.reportsOnTime]);
      }
      const milestones = floor.milestones as { kind: string; reached: number }[];
      for (const m of rollup.preliminary.milestones)
        expect(milestones.find((r) => r.kind === m.kind)?.reached ?? 0, m.kind).toBe(m.reached);
      expect(rollup.preliminary.milestones.some((m) => m.reached > 0)).toBe(true);
      expect(floor.worst).toHaveLength(30);
    }

    // the S-curve: per month from the reports, running totals from the summary; the rollup's months are per month
    const perMonth = floors[0]!.monthly as { month: number; planned: string; actual: string }[];
    const running = floors[1]!.monthly[0] as { planned: string[]; actual: string[] };
    let planned = new Decimal(0);
    let actual = new Decimal(0);
    for (const m of rollup.monthly) {
      const row = perMonth[m.month - 1]!;
      expect(dec(row.planned)).toBe(dec(m.planned));
      planned = planned.plus(row.planned);
      actual = actual.plus(row.actual);
      expect(dec(running.planned[m.month - 1])).toBe(planned.toFixed(2));
      if (m.actual !== null) {
        expect(dec(row.actual)).toBe(dec(m.actual));
        expect(dec(running.actual[m.month - 1])).toBe(actual.toFixed(2));
      }
    }

    // both sources find the same red and yellow counts and the same 30 worst rates
    const levels = floors.map((f) => (f.cuts as { g: number; red: number; yellow: number }[]).find((r) => r.g === 31)!);
    expect(levels[1]).toMatchObject({ red: levels[0]!.red, yellow: levels[0]!.yellow });
    expect(levels[0]!.red + levels[0]!.yellow).toBeGreaterThan(0);
    const rates = floors.map((f) =>
      (f.worst as { ytd: string; annualPlan: string }[]).map((w) => new Decimal(w.ytd).div(w.annualPlan).toFixed(8)),
    );
    expect(rates[1]).toEqual(rates[0]);
  });
});

describe('the list floor', () => {
  it('returns the list page’s rows and totals from either source, and its filter choices', async () => {
    const leader = await actorOf(t.db, 'leader');
    const planYear = await t.db.planYear.findUniqueOrThrow({ where: { year: 2025 } });
    const biggest = await pool.query<{ departmentId: number }>(
      `SELECT p."departmentId" FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
        WHERE pp."planYearId" = $1 AND pp.stage = 'NEW_START' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
      [planYear.id],
    );
    const departmentId = biggest.rows[0]!.departmentId;
    const app = (await listProjects(t.db, leader, {
      year: 2025,
      page: 1,
      pageSize: 5,
      sort: 'name',
      dir: 'asc',
      departmentIds: [departmentId],
      stages: ['NEW_START'],
    }))!;
    expect(app.total).toBeGreaterThan(5);
    const params: ListFloorParams = {
      planYearId: planYear.id,
      through: app.ytdThroughMonth,
      currentMonth: planYear.currentMonth,
      departmentId,
      stages: ['NEW_START'],
      pageSize: 5,
      red: planYear.paceRedPoints.toString(),
      yellow: planYear.paceYellowPoints.toString(),
    };
    const facets = await facetsFloor(pool, planYear.id);
    expect(facets.departments!.map((d) => d.id)).toEqual(app.facets.departments.map((d) => d.id));
    expect(facets.areas).toEqual(app.facets.areas);
    for (const source of SOURCES) {
      const floor = await listFloor(pool, source, params);
      type Row = {
        id: number;
        ytd: string;
        warning: string;
        currentMonthStatus: string | null;
        total: number;
        sumYtd: string;
        sumPlan: string;
      };
      const rows = floor as Row[];
      expect(
        rows.map((r) => [r.id, dec(r.ytd), r.warning, r.currentMonthStatus]),
        source,
      ).toEqual(app.items.map((i) => [i.id, dec(i.ytdApproved), i.warning, i.currentMonthStatus]));
      expect([rows[0]!.total, dec(rows[0]!.sumYtd), dec(rows[0]!.sumPlan)]).toEqual([
        app.total,
        dec(app.totals.ytdApproved),
        dec(app.totals.annualPlan),
      ]);
    }
  });
});
