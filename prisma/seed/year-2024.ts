/**
 * The demo's previous year, 2024: closed, compact, and consistent with 2025's carry-over, so that year-on-year
 * figures (同比) and a project's multi-year history are visible out of the box.
 *
 * It holds only the projects that were already under way in 2024: the 2025 续建 and 完工 projects (their 2025
 * `cumulativeBeforeYear` is above zero). For each, 2024's own cumulativeBeforeYear plus its approved 2024 months equals
 * its 2025 cumulativeBeforeYear to the fen, which is how a carry-over computes it (docs/year-cycle.md). A project
 * that started in 2024 was a 新开工 of 2024 and spent nothing before it; one that started earlier was a 续建 and
 * spent part of its carry-over in 2024. No 2025 figure is touched: this file draws from a random stream of its own.
 */
import { DEFAULT_S_WEIGHTS, weightedSplit } from '@/lib/domain/monthly-split';
import { allocateCents, centsToWan, wanToCents, type Cents } from '@/lib/domain/money';
import type { Stage } from '@/generated/prisma/enums';
import { PROGRESS_STEPS } from './catalog';
import { mulberry32, type Random, type SeedData, type SeedProject } from './generate';

export const PREVIOUS_YEAR = 2024;
const SEED_2024 = 20240126;

export interface SeedPlan2024 {
  code: string;
  stage: Extract<Stage, 'ONGOING' | 'NEW_START'>;
  /** 截至2023年底累计完成投资, cents */
  cumulativeBeforeYear: Cents;
  annualPlan: Cents;
  monthlyPlan: Cents[];
  /** the twelve approved monthly figures; they add up to the 2025 cumulativeBeforeYear minus 2024's */
  invested: Cents[];
  /** the month construction began (1 for a project under way before 2024) */
  startMonth: number;
}

const between = (rnd: Random, lo: number, hi: number) => lo + (hi - lo) * rnd();
const S_WEIGHTS = DEFAULT_S_WEIGHTS.map(Number);

/** The 2025 projects that were under way in 2024. */
export const carriedFrom2024 = (data: SeedData) => data.projects.filter((p) => p.cumulativeBeforeYear > 0);

function planFor(rnd: Random, p: SeedProject): SeedPlan2024 {
  const start = p.actualStart ?? p.plannedStart;
  const startedIn2024 = start.getUTCFullYear() === PREVIOUS_YEAR;
  const startMonth = startedIn2024 ? start.getUTCMonth() + 1 : 1;
  // Started earlier: 2024 was one of its busier years, so it spent a third to a half of what it had spent by 2025
  // in 2024 (whole 万元, as a plan table would hold); a 2024 start spent all of it in 2024.
  const spent = startedIn2024
    ? p.cumulativeBeforeYear
    : Math.round((p.cumulativeBeforeYear * between(rnd, 0.3, 0.5)) / 100) * 100;
  const masked = S_WEIGHTS.map((w, i) => (i + 1 < startMonth ? 0 : w));
  // the months follow the season with some noise: no project spends exactly to its split
  const invested = allocateCents(
    spent,
    masked.map((w) => w * between(rnd, 0.7, 1.3)),
  );
  // the plan asked a little more or a little less than was done, in whole 万元
  const annualPlan = Math.max(100, Math.round((spent * between(rnd, 0.9, 1.15)) / 100) * 100);
  const monthlyPlan = weightedSplit(
    centsToWan(annualPlan),
    masked.map((w) => String(w)),
  ).map(wanToCents);
  return {
    code: p.code,
    stage: startedIn2024 ? 'NEW_START' : 'ONGOING',
    cumulativeBeforeYear: p.cumulativeBeforeYear - spent,
    annualPlan,
    monthlyPlan,
    invested,
    startMonth,
  };
}

/** The 2024 plan rows and months, deterministic for a given 2025 dataset. */
export function generateYear2024(data: SeedData, seed = SEED_2024): SeedPlan2024[] {
  const rnd = mulberry32(seed);
  return carriedFrom2024(data).map((p) => planFor(rnd, p));
}

const at = (y: number, m: number, d: number, h: number, min: number) => new Date(Date.UTC(y, m - 1, d, h - 8, min));

/** When a 2024 month was filed and approved: in the first days of the next month, some a little late. */
export function filedAt(rnd: Random, month: number) {
  const fileYear = month === 12 ? PREVIOUS_YEAR + 1 : PREVIOUS_YEAR;
  const fileMonth = (month % 12) + 1;
  const day = rnd() < 0.1 ? 6 + Math.floor(rnd() * 3) : 1 + Math.floor(rnd() * 5);
  return {
    submittedAt: at(fileYear, fileMonth, day, 9 + Math.floor(rnd() * 8), Math.floor(rnd() * 60)),
    reviewedAt: at(fileYear, fileMonth, day + 1 + Math.floor(rnd() * 3), 9 + Math.floor(rnd() * 8), 0),
  };
}

/** The 形象进度 a 2024 month reports: a step of the project's direction, by how far along it was. */
export function progressOf(p: SeedProject, done: number, started: boolean): string {
  if (!started) return '施工准备，办理施工许可';
  const steps = PROGRESS_STEPS[p.direction];
  return steps[Math.min(steps.length - 2, Math.floor(done * (steps.length - 1)))]!;
}
