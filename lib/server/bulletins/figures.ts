import 'server-only';
import Decimal from 'decimal.js';
import type { Actor } from '@/lib/auth/actor';
import { rankDepartments as rankByPercent } from '@/lib/domain/bulletin-text';
import type { Db } from '@/lib/prisma';
import type { Tx } from '@/lib/server/audit';
import { now, today } from '@/lib/server/clock';
import { daysInMonth, formatDateOnly } from '@/lib/domain/date-only';
import { getProblemStats } from '@/lib/server/problems/problem-stats';
import { getRollup, type DepartmentCut, type Rollup } from '@/lib/server/dashboard/get-rollup';
import { ytdSql } from '@/lib/server/dashboard/summary-sql';

/** A construction project at or beyond the plan year's red line behind 序时进度 in the bulletin's month. */
export interface RedProject {
  code: string;
  name: string;
  department: string;
  /** 万元 */
  annualPlan: string;
  completed: string;
  /** % of annual plan, 2 decimals */
  percent: string;
  /** points behind 序时进度, 2 decimals (rounded down, so a project just short of a line never reads as on it) */
  behindPoints: string;
}

/**
 * What a bulletin is drafted from, frozen in Bulletin.figures: the official rollup (approved reports only) of
 * the month and the red-warning projects, so a published bulletin reads the same however the reports change later.
 */
export interface BulletinFigures {
  rollup: Rollup;
  /** PlanYear.paceRedPoints when the figures were taken */
  paceRedPoints: string;
  redProjects: RedProject[];
  /** ISO time the figures were taken */
  takenAt: string;
  /** the coordination problems at the month's end; absent in bulletins drafted before problems existed */
  problems?: BulletinProblemFigures;
}

/** An overdue problem as the bulletin's table prints it. */
export interface BulletinOverdueProblem {
  number: string;
  project: string | null;
  title: string;
  lead: string | null;
  daysOverdue: number;
}

export interface BulletinProblemFigures {
  /** "YYYY-MM-DD": the month's last day, or the day the figures were taken if that came first */
  asOf: string;
  total: number;
  closed: number;
  /** 办结率, one decimal; null with no problems */
  closureRatePercent: string | null;
  overdue: number;
  supervisedOverdue: number;
  /** the longest overdue first, at most BULLETIN_OVERDUE_ROWS */
  overdueProblems: BulletinOverdueProblem[];
}

/** How many overdue problems the bulletin's table names. */
export const BULLETIN_OVERDUE_ROWS = 50;

/** The problems of the bulletin's year as of its month's end (or today, when the month has not ended). */
async function takeProblemFigures(db: Db, actor: Actor, year: number, month: number): Promise<BulletinProblemFigures> {
  const monthEnd = formatDateOnly(year, month, daysInMonth(year, month));
  const day = await today(db);
  const asOf = day < monthEnd ? day : monthEnd;
  const s = await getProblemStats(db, actor, { year, asOf, overdueLimit: BULLETIN_OVERDUE_ROWS });
  return {
    asOf,
    total: s.total,
    closed: s.closed,
    closureRatePercent: s.closureRatePercent,
    overdue: s.overdue,
    supervisedOverdue: s.supervisedOverdue,
    overdueProblems: s.oldestOverdue.map((p) => ({
      number: p.number,
      project: p.project?.name ?? null,
      title: p.title,
      lead: p.lead?.name ?? null,
      daysOverdue: p.daysOverdue,
    })),
  };
}

/** How many departments the bulletin names as leading and as lagging. */
export const RANKED_DEPARTMENTS = 5;

/**
 * The leading and lagging departments as the draft names them (lib/domain/bulletin-text.ts rankDepartments: by
 * exact % of plan, never one department in both lists), with their rows of the rollup for the tables.
 */
export function rankDepartments(figures: BulletinFigures): { leading: DepartmentCut[]; lagging: DepartmentCut[] } {
  const departments = figures.rollup.byDepartment;
  const ranked = rankByPercent(
    departments.map((d) => ({ name: d.label, ytd: d.completed, annualPlan: d.annualPlan })),
    RANKED_DEPARTMENTS,
  );
  const rowsOf = (names: { name: string }[]) =>
    names.flatMap((n) => departments.filter((d) => d.label === n.name).slice(0, 1));
  return { leading: rowsOf(ranked.leading), lagging: rowsOf(ranked.lagging) };
}

/**
 * Takes the figures of a month: the rollup as the dashboard shows it and the projects behind 序时进度 by the plan
 * year's red points or more (the same exact test as the projects list: N·100·plan − 1200·ytd ≥ 12·points·plan).
 */
export async function takeBulletinFigures(
  db: Db | Tx,
  actor: Actor,
  planYear: { id: number; year: number; paceRedPoints: { toString(): string } },
  month: number,
): Promise<BulletinFigures | null> {
  const rollup = await getRollup(db as Db, actor, { year: planYear.year, month, basis: 'approved' });
  if (!rollup) return null;
  const redPoints = planYear.paceRedPoints.toString();
  // the approved months 1…N of each plan from the maintained figures
  const ytd = ytdSql('approved', month);
  const rows = await db.$queryRaw<{ code: string; name: string; department: string; plan: string; ytd: string }[]>`
    SELECT p.code, p.name, d.name AS department,
           pp."annualPlan"::numeric(18, 2)::text AS plan, ${ytd}::numeric(18, 2)::text AS ytd
      FROM "ProjectPlan" pp
      JOIN "Project" p ON p.id = pp."projectId"
      JOIN "Department" d ON d.id = p."departmentId"
      LEFT JOIN "PlanSummary" s ON s."planId" = pp.id
     WHERE pp."planYearId" = ${planYear.id} AND pp.stage <> 'PRELIMINARY' AND pp."annualPlan" > 0
       AND (${month}::numeric * 100 * pp."annualPlan" - 1200 * ${ytd}) >= 12 * ${redPoints}::numeric * pp."annualPlan"
     ORDER BY ${ytd} / pp."annualPlan", p.code`;
  const pace = new Decimal(month).times(100).dividedBy(12);
  return {
    rollup,
    problems: await takeProblemFigures(db as Db, actor, planYear.year, month),
    paceRedPoints: redPoints,
    // printed on the bulletin: a date of the document, so the business clock's
    takenAt: (await now(db)).toISOString(),
    redProjects: rows.map((r) => {
      const percent = new Decimal(r.ytd).times(100).dividedBy(r.plan);
      return {
        code: r.code,
        name: r.name,
        department: r.department,
        annualPlan: r.plan,
        completed: r.ytd,
        percent: percent.toFixed(2, Decimal.ROUND_HALF_UP),
        behindPoints: pace.minus(percent).toFixed(2, Decimal.ROUND_DOWN),
      };
    }),
  };
}

/** Bulletin.figures as stored; the JSON was written by takeBulletinFigures. */
export function readBulletinFigures(json: unknown): BulletinFigures | null {
  if (!json || typeof json !== 'object' || !('rollup' in json)) return null;
  return json as BulletinFigures;
}
