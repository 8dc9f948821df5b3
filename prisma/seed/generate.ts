/**
 * Generates Keystone's demo dataset: the 2025 plan of 421 projects reproducing every figure of the plan report
 * to the cent, and the November 2025 reporting round. Pure and deterministic: the same seed gives the same data,
 * with no clock and no Math.random. Amounts are whole cents of 万元 (see lib/domain/money.ts).
 */
import type {
  Direction,
  InvestorType,
  MilestoneKind,
  MilestoneStatus,
  ReportStatus,
  Stage,
} from '@/generated/prisma/enums';
import { allocateCents, wanToCents, type Cents } from '@/lib/domain/money';
import { INDICATORS_2025, PLAN_2025, PLAN_2025_FIGURES } from '@/lib/domain/plan-2025';
import {
  AREA_SUBDISTRICT,
  AREAS,
  BUREAU,
  DEPARTMENTS,
  LEADERS,
  NAMED_PROJECTS,
  PHASES,
  PROGRESS_STEPS,
  RETURN_COMMENTS,
  STREET_DEPARTMENT,
  SURNAMES,
  WORK_KINDS,
  type NamedProjectSpec,
} from './catalog';
import { DEMO_LOGINS } from './demo-logins';
import { CONSTRUCTION_ISSUES, PRELIMINARY_ISSUES } from './issues';
import { generateProblems, LEADER_USERS, type SeedProblem } from './problems';

// ── deterministic randomness ─────────────────────────────────────────────────────────────────────────────
export type Random = () => number;

/** mulberry32: small, fast, and good enough to make demo data that looks unplanned. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
const between = (rnd: Random, lo: number, hi: number) => lo + (hi - lo) * rnd();
const intBetween = (rnd: Random, lo: number, hi: number) => Math.floor(between(rnd, lo, hi + 1));
/** a log-normal draw around 1, for sizes that vary over orders of magnitude like real project budgets */
const logNormal = (rnd: Random, sigma: number) => {
  const u = Math.max(rnd(), 1e-9);
  const v = rnd();
  return Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
};
function shuffle<T>(rnd: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const date = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const at = (y: number, m: number, d: number, h: number, min: number) => new Date(Date.UTC(y, m - 1, d, h - 8, min));

// ── output types ─────────────────────────────────────────────────────────────────────────────────────────
export interface SeedReport {
  month: number;
  invested: Cents;
  progressText: string;
  /** percent complete since start, two decimals */
  percentComplete: string | null;
  actualStart: Date | null;
  actualCompletion: Date | null;
  problems: string;
  coordinationNeeded: string;
  nextSteps: string;
  /** 情况说明: why a flagged figure is right; '' for an ordinary month */
  explanation: string;
  status: ReportStatus;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
}

export interface SeedMilestone {
  kind: MilestoneKind;
  plannedDate: Date;
  actualDate: Date | null;
  status: MilestoneStatus;
  note: string | null;
}

export interface SeedProject {
  code: string;
  name: string;
  named: boolean;
  department: string;
  ownerUnit: string;
  area: string;
  buildType: 'NEW' | 'CONTINUED' | 'EXPANSION';
  scope: string;
  totalInvestment: Cents;
  plannedStart: Date;
  plannedCompletion: Date;
  actualStart: Date | null;
  actualCompletion: Date | null;
  leaderInCharge: string;
  contactName: string;
  contactPhone: string;
  stage: Stage;
  investor: InvestorType;
  direction: Direction;
  cumulativeBeforeYear: Cents;
  /** null for 前期 */
  annualPlan: Cents | null;
  /** twelve months; all zero for 前期 */
  monthlyPlan: Cents[];
  milestoneTarget: string;
  milestones: SeedMilestone[];
  reports: SeedReport[];
}

export type AnomalyKind =
  'CUMULATIVE_ABOVE_TOTAL' | 'INVESTMENT_ON_PRELIMINARY' | 'TENFOLD_JUMP' | 'INVESTMENT_WITHOUT_START';

export interface PlantedAnomaly {
  kind: AnomalyKind;
  projectCode: string;
  month: number;
}

export interface SeedUser {
  username: string;
  displayName: string;
  role: 'ADMIN' | 'BUREAU' | 'DEPARTMENT' | 'LEADER';
  department: string | null;
}

export interface SeedData {
  year: number;
  departments: typeof DEPARTMENTS;
  users: SeedUser[];
  projects: SeedProject[];
  anomalies: PlantedAnomaly[];
  /** 协调问题 on the demo date, numbered in the order they were raised */
  problems: SeedProblem[];
  figures: typeof PLAN_2025_FIGURES;
  indicators: typeof INDICATORS_2025;
}

export const DEFAULT_SEED = 20250124; // the day the plan report was issued

// ── the plan ─────────────────────────────────────────────────────────────────────────────────────────────
const STAGES_BUILT = ['COMPLETION', 'ONGOING', 'NEW_START'] as const;
const INVESTORS = ['MUNICIPAL', 'SOCIAL', 'DISTRICT'] as const;
const DIRECTIONS = ['INFRASTRUCTURE', 'PUBLIC_SERVICE', 'REAL_ESTATE', 'INDUSTRY'] as const;

/**
 * How many construction projects of each investor fall in each stage, and in each direction. The report gives
 * only the one-way totals (by stage 86/54/126, by investor 23/42/201); these splits are ours, chosen to look like
 * the district: city money goes to rail and roads, private money to real estate and commercial buildings.
 */
const STAGE_BY_INVESTOR: Record<InvestorType, Record<(typeof STAGES_BUILT)[number], number>> = {
  MUNICIPAL: { COMPLETION: 5, ONGOING: 8, NEW_START: 10 },
  SOCIAL: { COMPLETION: 10, ONGOING: 12, NEW_START: 20 },
  DISTRICT: { COMPLETION: 71, ONGOING: 34, NEW_START: 96 },
};
const DIRECTION_BY_INVESTOR: Record<InvestorType, Record<Direction, number>> = {
  MUNICIPAL: { INFRASTRUCTURE: 14, PUBLIC_SERVICE: 5, REAL_ESTATE: 0, INDUSTRY: 4 },
  SOCIAL: { INFRASTRUCTURE: 0, PUBLIC_SERVICE: 2, REAL_ESTATE: 30, INDUSTRY: 10 },
  DISTRICT: { INFRASTRUCTURE: 66, PUBLIC_SERVICE: 63, REAL_ESTATE: 6, INDUSTRY: 66 },
};
/** 前期 projects by direction (the report gives none) */
const PRELIMINARY_BY_DIRECTION: Record<Direction, number> = {
  INFRASTRUCTURE: 45,
  PUBLIC_SERVICE: 40,
  REAL_ESTATE: 25,
  INDUSTRY: 45,
};

interface Slot {
  stage: Stage;
  investor: InvestorType;
  direction: Direction;
  named?: NamedProjectSpec;
  /** relative size of the annual plan before fitting */
  weight: number;
}

/** Typical annual plan size by stage: new starts carry the year's big money, completions the tail. */
const STAGE_SIZE: Record<Stage, number> = { COMPLETION: 0.45, ONGOING: 1.6, NEW_START: 1.7, PRELIMINARY: 0 };
const INVESTOR_SIZE: Record<InvestorType, number> = { MUNICIPAL: 3, SOCIAL: 2, DISTRICT: 0.5 };

function constructionSlots(rnd: Random): Slot[] {
  const slots: Slot[] = [];
  for (const investor of INVESTORS) {
    const named = NAMED_PROJECTS.filter((p) => p.investor === investor && p.stage !== 'PRELIMINARY');
    const stagesLeft = { ...STAGE_BY_INVESTOR[investor] };
    const directionsLeft = { ...DIRECTION_BY_INVESTOR[investor] };
    for (const p of named) {
      const stage = p.stage as (typeof STAGES_BUILT)[number];
      stagesLeft[stage]--;
      directionsLeft[p.direction]--;
      slots.push({ stage, investor, direction: p.direction, named: p, weight: p.size });
    }
    if (Object.values(stagesLeft).some((n) => n < 0) || Object.values(directionsLeft).some((n) => n < 0)) {
      throw new Error(`named ${investor} projects exceed the planned split`);
    }
    const stages = shuffle(
      rnd,
      STAGES_BUILT.flatMap((s) => Array<Stage>(stagesLeft[s]).fill(s)),
    );
    const directions = shuffle(
      rnd,
      DIRECTIONS.flatMap((d) => Array<Direction>(directionsLeft[d]).fill(d)),
    );
    if (stages.length !== directions.length) throw new Error(`${investor}: stage and direction splits disagree`);
    stages.forEach((stage, i) =>
      slots.push({
        stage,
        investor,
        direction: directions[i]!,
        weight: Math.min(8, Math.max(0.08, logNormal(rnd, 0.9))),
      }),
    );
  }
  for (const s of slots) s.weight *= STAGE_SIZE[s.stage] * INVESTOR_SIZE[s.investor];
  return slots;
}

/**
 * Fits whole-万元 annual plans to the published totals by stage, investor and direction at once: iterative
 * proportional fitting on the weights, rounding, then moving the leftover 万元 between two projects that share
 * two of the three attributes, which changes only the third total.
 */
function fitAnnualPlans(slots: Slot[]): Cents[] {
  type Dim = 'stage' | 'investor' | 'direction';
  const targets: Record<Dim, Record<string, number>> = {
    stage: Object.fromEntries(STAGES_BUILT.map((s) => [s, wanToCents(PLAN_2025.stages[s].amount) / 100])),
    investor: Object.fromEntries(INVESTORS.map((i) => [i, wanToCents(PLAN_2025.investors[i].amount) / 100])),
    direction: Object.fromEntries(DIRECTIONS.map((d) => [d, wanToCents(PLAN_2025.directions[d].amount) / 100])),
  };
  const dims: Dim[] = ['stage', 'investor', 'direction'];
  const x = slots.map((s) => s.weight);
  for (let iter = 0; iter < 500; iter++) {
    for (const dim of dims) {
      const sums: Record<string, number> = {};
      slots.forEach((s, i) => (sums[s[dim]] = (sums[s[dim]] ?? 0) + x[i]!));
      slots.forEach((s, i) => (x[i] = (x[i]! * targets[dim][s[dim]]!) / sums[s[dim]]!));
    }
  }
  // whole 万元, at least 10万元 each
  const wan = x.map((v) => Math.max(10, Math.round(v)));
  // Rounding leaves the grand total a few 万元 off; the largest project absorbs that, so that each dimension's
  // leftovers sum to zero and can be moved within the dimension.
  const grandTotal = Object.values(targets.stage).reduce((s, v) => s + v, 0);
  const largest = wan.indexOf(Math.max(...wan));
  wan[largest]! += grandTotal - wan.reduce((s, v) => s + v, 0);
  for (const dim of dims) {
    const others = dims.filter((d) => d !== dim);
    const residual = () => {
      const r: Record<string, number> = { ...targets[dim] };
      slots.forEach((s, i) => (r[s[dim]]! -= wan[i]!));
      return r;
    };
    for (let guard = 0; guard < 10_000; guard++) {
      const r = residual();
      const over = Object.keys(r).find((k) => r[k]! < 0);
      const under = Object.keys(r).find((k) => r[k]! > 0);
      if (!over || !under) break;
      let moved = false;
      // the largest donor in the over-full group that has a partner in the under-full group
      const donors = slots
        .map((s, i) => i)
        .filter((i) => slots[i]![dim] === over)
        .sort((a, b) => wan[b]! - wan[a]!);
      for (const d of donors) {
        const partner = slots.findIndex((s) => s[dim] === under && others.every((o) => s[o] === slots[d]![o]));
        if (partner === -1) continue;
        const amount = Math.min(-r[over]!, r[under]!, wan[d]! - 10);
        if (amount <= 0) continue;
        wan[d]! -= amount;
        wan[partner]! += amount;
        moved = true;
        break;
      }
      if (!moved) throw new Error(`cannot balance ${dim} ${over} → ${under}`);
    }
  }
  return wan.map((w) => w * 100);
}

/**
 * Seasonal weight of each month: quiet around Spring Festival, then even, a little less in the last two months
 * (splits are drawn up to finish early: 1–10月 84% against a 序时进度 of 83.3%), so a project on its split is about
 * on the bulletin's pace too.
 */
const SEASON = [0.065, 0.06, 0.085, 0.09, 0.09, 0.09, 0.09, 0.09, 0.09, 0.09, 0.08, 0.08];
/** A 新开工 project's planned start month: most in the spring 集中开工 rounds, fewer later in the year. */
const NEW_START_MONTHS = [2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8, 9, 10] as const;

function monthlyWeights(stage: Stage, startMonth: number, completionMonth: number): number[] {
  return SEASON.map((w, i) => {
    const m = i + 1;
    if (stage === 'NEW_START' && m < startMonth) return 0;
    // A project completing this year spends its plan by then: it reaches its total investment on completion.
    if (stage === 'COMPLETION') return m <= completionMonth ? w : 0;
    return w;
  });
}

function milestoneTargetFor(stage: Stage, direction: Direction): string {
  const steps = PROGRESS_STEPS[direction];
  if (stage === 'COMPLETION') return steps[steps.length - 1]!;
  if (stage === 'NEW_START') return `开工建设，${steps[2]!}`;
  if (stage === 'ONGOING') return steps[4]!;
  return '完成前期手续，具备开工条件';
}

const MILESTONE_ORDER: readonly MilestoneKind[] = ['APPROVAL', 'LAND', 'PLANNING_PERMIT', 'EIA', 'CONSTRUCTION_PERMIT'];
const BLOCKERS = PRELIMINARY_ISSUES.map((i) => i.problem);

// ── the generator ────────────────────────────────────────────────────────────────────────────────────────
export function generateSeedData(seed = DEFAULT_SEED): SeedData {
  const rnd = mulberry32(seed);
  const year = PLAN_2025.year;

  // Construction projects, then 前期 ones, each with its classification.
  const slots = constructionSlots(rnd);
  const annual = fitAnnualPlans(slots);
  const namedPrelim = NAMED_PROJECTS.filter((p) => p.stage === 'PRELIMINARY');
  const prelimLeft = { ...PRELIMINARY_BY_DIRECTION };
  for (const p of namedPrelim) prelimLeft[p.direction]--;
  const prelimSlots: Slot[] = [
    ...namedPrelim.map((p) => ({ stage: p.stage, investor: p.investor, direction: p.direction, named: p, weight: 1 })),
    ...shuffle(
      rnd,
      DIRECTIONS.flatMap((d) => Array<Direction>(prelimLeft[d]).fill(d)),
    ).map((direction) => ({
      stage: 'PRELIMINARY' as const,
      investor:
        direction === 'REAL_ESTATE'
          ? ('SOCIAL' as const)
          : pick(rnd, ['DISTRICT', 'DISTRICT', 'SOCIAL', 'MUNICIPAL'] as const),
      direction,
      weight: 1,
    })),
  ];
  const allSlots = [...slots, ...prelimSlots];

  // Names: the report's own, then 片区 + kind of work, unique.
  const usedNames = new Set(NAMED_PROJECTS.map((p) => p.name));
  const nameFor = (slot: Slot): { name: string; area: string; department: string; scope: string } => {
    if (slot.named)
      return {
        name: slot.named.name,
        area: slot.named.area,
        department: slot.named.department,
        scope: slot.named.scope,
      };
    for (let attempt = 0; ; attempt++) {
      const kind = pick(rnd, WORK_KINDS[slot.direction]);
      const area = pick(rnd, AREAS);
      const phase = attempt < 20 ? '' : pick(rnd, PHASES.slice(1));
      const name = kind.name.replace('{area}', area) + phase;
      if (usedNames.has(name)) continue;
      usedNames.add(name);
      const dept = pick(rnd, kind.departments);
      return { name, area, department: dept === STREET_DEPARTMENT ? AREA_SUBDISTRICT[area]! : dept, scope: kind.scope };
    }
  };

  const projects: SeedProject[] = allSlots.map((slot, index) => {
    const { name, area, department, scope } = nameFor(slot);
    const annualPlan = slot.stage === 'PRELIMINARY' ? null : annual[index]!;
    // Dates by stage, in the plan year's terms.
    const startMonth = slot.stage === 'NEW_START' ? pick(rnd, NEW_START_MONTHS) : 1;
    const completionMonth = slot.stage === 'COMPLETION' ? intBetween(rnd, 3, 12) : 12;
    const plannedStart =
      slot.stage === 'NEW_START'
        ? date(year, startMonth, 15)
        : slot.stage === 'PRELIMINARY'
          ? date(year + intBetween(rnd, 1, 2), intBetween(rnd, 1, 12), 1)
          : date(year - intBetween(rnd, 1, slot.stage === 'COMPLETION' ? 4 : 3), intBetween(rnd, 1, 12), 1);
    const plannedCompletion =
      slot.stage === 'COMPLETION'
        ? date(year, completionMonth, lastDay(year, completionMonth))
        : date(plannedStart.getUTCFullYear() + intBetween(rnd, 2, 4), intBetween(rnd, 1, 12), 28);
    const monthlyPlan =
      annualPlan === null
        ? Array<Cents>(12).fill(0)
        : allocateCents(
            annualPlan,
            monthlyWeights(slot.stage, startMonth, completionMonth),
            annualPlan >= 1200 * 100 ? 100 : 1,
          );
    const ownerUnit =
      slot.named?.ownerUnit ??
      (department.endsWith('公司') ? department : `重庆市渝中区${department.replace(/^区/, '')}`);
    return {
      code: `YZ${year}-${String(index + 1).padStart(4, '0')}`,
      name,
      named: !!slot.named,
      department,
      ownerUnit,
      area,
      buildType: slot.stage === 'ONGOING' ? 'CONTINUED' : rnd() < 0.25 ? 'EXPANSION' : 'NEW',
      scope,
      totalInvestment: 0, // set below, once the district total is shared out
      plannedStart,
      plannedCompletion,
      actualStart: slot.stage === 'COMPLETION' || slot.stage === 'ONGOING' ? plannedStart : null,
      actualCompletion: null,
      leaderInCharge: pick(rnd, LEADERS),
      contactName: `${pick(rnd, SURNAMES)}${pick(rnd, ['工', '科长', '主任', '经理'])}`,
      contactPhone: `023-6${intBetween(rnd, 3000000, 3999999)}`,
      stage: slot.stage,
      investor: slot.investor,
      direction: slot.direction,
      cumulativeBeforeYear: 0,
      annualPlan,
      monthlyPlan,
      milestoneTarget: milestoneTargetFor(slot.stage, slot.direction),
      milestones: [],
      reports: [],
    };
  });

  // Total investment: what was spent before the year and this year's plan are fixed; the rest of the district's
  // 2015亿 is shared out as what remains after the year (none for projects completing this year).
  for (const p of projects) {
    if (p.stage === 'COMPLETION')
      p.cumulativeBeforeYear = Math.round((p.annualPlan! * between(rnd, 1.5, 6)) / 100) * 100;
    if (p.stage === 'ONGOING') p.cumulativeBeforeYear = Math.round((p.annualPlan! * between(rnd, 0.8, 3)) / 100) * 100;
  }
  const fixed = projects.reduce((s, p) => s + p.cumulativeBeforeYear + (p.annualPlan ?? 0), 0);
  const open = projects.filter((p) => p.stage !== 'COMPLETION');
  const remainder = allocateCents(
    wanToCents(PLAN_2025.totalInvestment) - fixed,
    open.map((p) => (p.annualPlan ?? 40_000 * 100 * logNormal(rnd, 1)) * between(rnd, 1.5, 5)),
    100,
  );
  open.forEach((p, i) => (p.totalInvestment = remainder[i]!));
  for (const p of projects) p.totalInvestment += p.cumulativeBeforeYear + (p.annualPlan ?? 0);

  // Users: the demo logins, plus a reporter for every other department that owns projects.
  const users: SeedUser[] = DEMO_LOGINS.map((l) => ({ ...l }));
  const owning = new Set(projects.map((p) => p.department));
  DEPARTMENTS.forEach((d, i) => {
    if (d.name === BUREAU || !owning.has(d.name) || users.some((u) => u.department === d.name)) return;
    users.push({
      username: `dept${String(i + 1).padStart(2, '0')}`,
      displayName: `${pick(rnd, SURNAMES)}填报（${d.shortName}）`,
      role: 'DEPARTMENT',
      department: d.name,
    });
  });

  // November state per department: most departments file as one batch, so they share a state.
  // The demo reporters' departments get one state each, so every part of the workflow can be tried.
  const novemberState = new Map<string, NovemberState>(Object.entries(DEMO_NOVEMBER_STATE));
  const others = [...owning].filter((d) => !novemberState.has(d)).sort();
  const states = shuffle(
    rnd,
    others.map((_, i): NovemberState => {
      const share = i / others.length;
      return share < 0.4 ? 'SUBMITTED' : share < 0.65 ? 'DRAFT' : share < 0.8 ? 'RETURNED' : 'MISSING';
    }),
  );
  others.forEach((d, i) => novemberState.set(d, states[i]!));

  const anomalies: PlantedAnomaly[] = [];
  for (const p of projects) {
    if (p.stage === 'PRELIMINARY') writePreliminary(rnd, p, year);
    else writeConstructionReports(rnd, p, year);
    applyNovemberState(rnd, p, year, novemberState.get(p.department)!);
  }
  plantAnomalies(projects, anomalies, year);

  // The 副区长 the projects name as leaders in charge sign in as LEADER users, so each sees the problems of
  // their projects; 李区长 (the demo's `leader`) sees them all.
  for (const l of LEADER_USERS) users.push({ ...l, role: 'LEADER', department: null });
  const problemRnd = mulberry32(seed ^ PROBLEM_SEED);
  const problems = generateProblems({ rnd: problemRnd, projects, userOf: userOf(users, problemRnd) });

  const data: SeedData = {
    year,
    departments: DEPARTMENTS,
    users,
    projects,
    anomalies,
    problems,
    figures: PLAN_2025_FIGURES,
    indicators: INDICATORS_2025,
  };
  assertReproducesPlan(data);
  return data;
}

/** The problems draw from their own generator, so adding them moved none of the rest of the demo data. */
const PROBLEM_SEED = 0x15d;

/**
 * The user who acts for a department in the problems' timelines: the bureau's reviewer, the department's reporter,
 * or, for a unit that owns no project but leads or supports a problem (区规划自然资源局 …), a user created for it.
 */
function userOf(users: SeedUser[], rnd: Random) {
  return (department: string): string => {
    const role = department === BUREAU ? 'BUREAU' : 'DEPARTMENT';
    const found = users.find((u) => u.role === role && u.department === department);
    if (found) return found.username;
    const index = DEPARTMENTS.findIndex((d) => d.name === department);
    if (index < 0) throw new Error(`a problem names an unknown department: ${department}`);
    const user: SeedUser = {
      username: `dept${String(index + 1).padStart(2, '0')}`,
      displayName: `${pick(rnd, SURNAMES)}填报（${DEPARTMENTS[index]!.shortName}）`,
      role: 'DEPARTMENT',
      department,
    };
    users.push(user);
    return user.username;
  };
}

/**
 * How fast most projects run against their split. Tuned so that the district's year-end forecast lands within a
 * few points of the plan (a split is an honest plan, not a cautious one), while about one project in seven lags
 * badly: those are the pace warnings of the demo.
 */
const PACE: Record<'ONGOING' | 'NEW_START' | 'COMPLETION', [number, number]> = {
  ONGOING: [1.0, 1.2],
  NEW_START: [1.1, 1.35],
  /** a 完工 project never runs ahead of its split: its annual plan is what is left of its total investment */
  COMPLETION: [0.85, 1.0],
};

/** How far along a project is at each month: a pace factor per project, some well behind. */
function writeConstructionReports(rnd: Random, p: SeedProject, year: number) {
  // Most projects run close to their monthly split, a little ahead or behind; some lag badly. The report's own
  // flagship projects are on track; the laggards and slipped starts are among the rest.
  const lags = !p.named && rnd() < 0.15;
  const pace = lags ? between(rnd, 0.35, 0.75) : between(rnd, ...PACE[p.stage as keyof typeof PACE]);
  const slips = !p.named && p.stage === 'NEW_START' && rnd() < 0.12;
  const startMonth = p.stage === 'NEW_START' ? p.plannedStart.getUTCMonth() + 1 + (rnd() < 0.3 ? 1 : 0) : 1;
  if (p.stage === 'NEW_START' && !slips && startMonth <= 10) {
    p.actualStart = date(year, startMonth, intBetween(rnd, 1, 28));
  }
  // a new start that began a month late spreads its year's work over the months it has left
  const plannedStartMonth = p.plannedStart.getUTCMonth() + 1;
  const catchUp = p.stage === 'NEW_START' ? (13 - plannedStartMonth) / (13 - Math.min(startMonth, 12)) : 1;
  const completionMonth = p.plannedCompletion.getUTCMonth() + 1;
  const completesOnTime = p.stage === 'COMPLETION' && !lags && completionMonth <= 10 && rnd() < 0.8;
  let since = p.cumulativeBeforeYear;
  const steps = PROGRESS_STEPS[p.direction];
  for (let month = 1; month <= 11; month++) {
    const started =
      p.actualStart !== null && (p.actualStart.getUTCFullYear() < year || p.actualStart.getUTCMonth() + 1 <= month);
    const drawn = started
      ? Math.max(0, Math.round(p.monthlyPlan[month - 1]! * pace * catchUp * between(rnd, 0.7, 1.3)))
      : 0;
    const invested =
      p.stage === 'COMPLETION'
        ? completionMonthAmount(rnd, p, { month, since, drawn, started, completionMonth, completesOnTime })
        : Math.min(drawn, p.totalInvestment - since);
    since += invested;
    const done = Math.min(1, since / p.totalInvestment);
    const completed = completesOnTime && month >= completionMonth;
    if (completed && !p.actualCompletion) p.actualCompletion = date(year, completionMonth, intBetween(rnd, 10, 28));
    const step = completed ? steps.length - 1 : Math.min(steps.length - 2, Math.floor(done * (steps.length - 1)));
    const hasProblem = pace < 0.8 && rnd() < 0.6;
    // one draw for the issue and one for its 需协调事项, in the order the report's fields always drew them
    const issue = hasProblem ? pick(rnd, CONSTRUCTION_ISSUES) : null;
    const coordination = issue && rnd() < 0.6 ? pick(rnd, issue.coordination) : '';
    p.reports.push({
      month,
      invested,
      progressText: started ? steps[step]! : '施工准备，办理施工许可',
      percentComplete: (Math.round(done * 10000) / 100).toFixed(2),
      actualStart: p.actualStart,
      actualCompletion: completed ? p.actualCompletion : null,
      problems: issue?.problem ?? '',
      coordinationNeeded: coordination,
      nextSteps: started ? `加快推进${steps[Math.min(step + 1, steps.length - 1)]!}` : '加快办理开工手续',
      explanation: '',
      ...approved(rnd, year, month),
    });
  }
}

/**
 * A 完工 project's month. Its total is what was spent before the year plus the annual plan, so it reaches the total
 * when it completes, not before: on time, the completion month settles exactly what is left and nothing follows;
 * until then (and for a project not yet complete) the months keep back what the rest of its work needs, at least
 * one and a half of its planned months still to come, so an ordinary month never runs past the total. A project
 * past its planned completion keeps paying a shrinking share of what is left.
 */
function completionMonthAmount(
  rnd: Random,
  p: SeedProject,
  at: {
    month: number;
    since: Cents;
    drawn: Cents;
    started: boolean;
    completionMonth: number;
    completesOnTime: boolean;
  },
): Cents {
  const left = p.totalInvestment - at.since;
  if (!at.started || left <= 0) return 0;
  if (at.completesOnTime && at.month === at.completionMonth) return left;
  if (at.completesOnTime && at.month > at.completionMonth) return 0;
  if (at.month > at.completionMonth) return Math.round(left * between(rnd, 0.08, 0.2));
  const plannedAfter = p.monthlyPlan.slice(at.month, at.completionMonth).reduce((s, m) => s + m, 0);
  const keep = at.completesOnTime ? Math.round(plannedAfter * 0.5) : Math.round(plannedAfter * 1.5);
  return Math.max(0, Math.min(at.drawn, left - keep));
}

/** 前期 projects report preliminary work: milestones reached, what blocks the next one. No investment. */
function writePreliminary(rnd: Random, p: SeedProject, year: number) {
  const reached = rnd() < 0.06 ? 5 : intBetween(rnd, 0, 4);
  const blocked = reached < 5 && rnd() < 0.15;
  let planned = date(year, intBetween(rnd, 1, 4), 15);
  p.milestones = MILESTONE_ORDER.map((kind, i) => {
    planned = new Date(planned.getTime() + intBetween(rnd, 30, 120) * 86_400_000);
    const done = i < reached;
    const status: MilestoneStatus = done
      ? 'DONE'
      : i === reached
        ? blocked
          ? 'BLOCKED'
          : 'IN_PROGRESS'
        : 'NOT_STARTED';
    const actual = done
      ? new Date(Math.min(planned.getTime() + intBetween(rnd, -20, 40) * 86_400_000, date(year, 10, 31).getTime()))
      : null;
    return {
      kind,
      plannedDate: planned,
      actualDate: actual,
      status,
      note: status === 'BLOCKED' ? pick(rnd, BLOCKERS) : null,
    };
  });
  const labels: Record<MilestoneKind, string> = {
    APPROVAL: '立项/可研批复',
    LAND: '用地手续',
    PLANNING_PERMIT: '规划许可',
    EIA: '环评批复',
    CONSTRUCTION_PERMIT: '施工许可',
  };
  for (let month = 1; month <= 11; month++) {
    const doneBy = p.milestones.filter((m) => m.actualDate && m.actualDate.getUTCMonth() + 1 <= month);
    const next = p.milestones.find((m) => !doneBy.includes(m));
    p.reports.push({
      month,
      invested: 0,
      progressText: doneBy.length ? `已完成${doneBy.map((m) => labels[m.kind]).join('、')}` : '开展项目前期策划研究',
      percentComplete: null,
      actualStart: null,
      actualCompletion: null,
      problems: next?.status === 'BLOCKED' ? (next.note ?? '') : '',
      coordinationNeeded: next?.status === 'BLOCKED' ? pick(rnd, preliminaryIssue(next.note).coordination) : '',
      nextSteps: next ? `推进${labels[next.kind]}办理` : '具备开工条件，待开工',
      explanation: '',
      ...approved(rnd, year, month),
    });
  }
}

/** The issue a blocked milestone's note comes from. */
function preliminaryIssue(note: string | null) {
  const issue = PRELIMINARY_ISSUES.find((i) => i.problem === note);
  if (!issue) throw new Error(`a blocked milestone's note is no known issue: ${note}`);
  return issue;
}

/** January–October were reviewed and approved; the filing date is sometimes after the 5th (late). */
function approved(rnd: Random, year: number, month: number) {
  const fileYear = month === 12 ? year + 1 : year;
  const fileMonth = (month % 12) + 1;
  const day = rnd() < 0.15 ? intBetween(rnd, 6, 9) : intBetween(rnd, 1, 5);
  return {
    status: 'APPROVED' as ReportStatus,
    submittedAt: at(fileYear, fileMonth, day, intBetween(rnd, 9, 17), intBetween(rnd, 0, 59)),
    reviewedAt: at(
      fileYear,
      fileMonth,
      Math.min(day + intBetween(rnd, 1, 3), 12),
      intBetween(rnd, 9, 17),
      intBetween(rnd, 0, 59),
    ),
    reviewComment: null as string | null,
  };
}

type NovemberState = 'SUBMITTED' | 'DRAFT' | 'RETURNED' | 'MISSING';
const DEMO_NOVEMBER_STATE: Record<string, NovemberState> = {
  区住房城乡建委: 'DRAFT',
  区交通局: 'RETURNED',
  区教委: 'SUBMITTED',
  区文化旅游委: 'MISSING',
  解放碑街道: 'DRAFT',
};

/** November (month 11) is the round in flight on the demo date. */
function applyNovemberState(rnd: Random, p: SeedProject, year: number, state: NovemberState) {
  // A tenth of projects differ from their department's batch.
  const own = rnd() < 0.1 ? pick(rnd, ['SUBMITTED', 'DRAFT', 'MISSING'] as const) : state;
  const nov = p.reports[10]!;
  if (own === 'MISSING') {
    p.reports.pop();
    return;
  }
  nov.status = own;
  nov.reviewedAt = null;
  // Everything before the demo date (SEED_DEMO_DATE, 3 December 09:00): submitted on the 1st or 2nd, a returned
  // report submitted on the 1st and sent back on the 2nd (the draws stay as they were: the data does not move).
  if (own === 'DRAFT') nov.submittedAt = null;
  else {
    const drawn = intBetween(rnd, 1, 4);
    nov.submittedAt = at(
      year,
      12,
      own === 'RETURNED' || drawn <= 2 ? 1 : 2,
      intBetween(rnd, 9, 17),
      intBetween(rnd, 0, 59),
    );
  }
  if (own === 'RETURNED') {
    nov.reviewedAt = at(year, 12, 2, intBetween(rnd, 9, 17), intBetween(rnd, 0, 59));
    nov.reviewComment = pick(rnd, RETURN_COMMENTS);
  }
}

/**
 * Reporting anomalies the entry checks must catch, planted in submitted November reports:
 * cumulative since start above total investment, investment on a 前期 project, a tenfold month,
 * and a new start reporting investment without an actual start date.
 */
function plantAnomalies(projects: SeedProject[], anomalies: PlantedAnomaly[], year: number) {
  const submitNovember = (p: SeedProject) => {
    let nov = p.reports.find((r) => r.month === 11);
    if (!nov) {
      nov = { ...p.reports[9]!, month: 11 };
      p.reports.push(nov);
    }
    Object.assign(nov, {
      status: 'SUBMITTED',
      submittedAt: at(year, 12, 2, 10, 0),
      reviewedAt: null,
      reviewComment: null,
    });
    return nov;
  };
  const find = (pred: (p: SeedProject) => boolean, what: string) => {
    const p = projects.find((x) => !x.named && pred(x));
    if (!p) throw new Error(`no project to plant ${what} on`);
    return p;
  };
  const ytd = (p: SeedProject) => p.reports.filter((r) => r.month <= 10).reduce((s, r) => s + r.invested, 0);

  const over = find((p) => p.stage === 'COMPLETION' && p.actualCompletion === null, 'cumulative above total');
  // submitted, so with the 情况说明 submission asks for: the figure is the month's truth, the total needs revising
  Object.assign(submitNovember(over), { invested: overshoot(over, ytd(over)), explanation: OVER_TOTAL_EXPLANATION });
  anomalies.push({ kind: 'CUMULATIVE_ABOVE_TOTAL', projectCode: over.code, month: 11 });

  const prelim = find((p) => p.stage === 'PRELIMINARY', 'investment on 前期');
  submitNovember(prelim).invested = 350_00;
  anomalies.push({ kind: 'INVESTMENT_ON_PRELIMINARY', projectCode: prelim.code, month: 11 });

  const jump = find(
    (p) => p.stage === 'ONGOING' && p !== over && (p.reports[9]?.invested ?? 0) > 1000,
    'a tenfold jump',
  );
  submitNovember(jump).invested = jump.reports[9]!.invested * 10;
  anomalies.push({ kind: 'TENFOLD_JUMP', projectCode: jump.code, month: 11 });

  const unstarted = find((p) => p.stage === 'NEW_START' && p.actualStart === null, 'investment without start');
  submitNovember(unstarted).invested = 120_00;
  anomalies.push({ kind: 'INVESTMENT_WITHOUT_START', projectCode: unstarted.code, month: 11 });
}

const OVER_TOTAL_EXPLANATION = '设计变更增加工程量，累计完成投资超过原批复总投资，调整概算已报区发展改革委审批。';

/** a November amount that takes the project past its total investment by about 5% */
function overshoot(p: SeedProject, ytdToOctober: Cents): Cents {
  const left = p.totalInvestment - p.cumulativeBeforeYear - ytdToOctober;
  return Math.max(left, 0) + Math.round(p.totalInvestment * 0.05);
}

/** Throws unless the data reproduces every published figure of the plan to the cent. */
export function assertReproducesPlan(data: SeedData) {
  const built = data.projects.filter((p) => p.stage !== 'PRELIMINARY');
  const check = (what: string, actual: number, expected: number) => {
    if (actual !== expected)
      throw new Error(`seed does not reproduce the plan: ${what} is ${actual}, published ${expected}`);
  };
  check('project count', data.projects.length, PLAN_2025.projectCount);
  check(
    'construction plan',
    built.reduce((s, p) => s + p.annualPlan!, 0),
    wanToCents(PLAN_2025.approvedInvestment),
  );
  check(
    'total investment',
    data.projects.reduce((s, p) => s + p.totalInvestment, 0),
    wanToCents(PLAN_2025.totalInvestment),
  );
  for (const [stage, g] of Object.entries(PLAN_2025.stages)) {
    const of = data.projects.filter((p) => p.stage === stage);
    check(`${stage} count`, of.length, g.projectCount);
    if (g.amount)
      check(
        `${stage} amount`,
        of.reduce((s, p) => s + (p.annualPlan ?? 0), 0),
        wanToCents(g.amount),
      );
  }
  for (const [investor, g] of Object.entries(PLAN_2025.investors)) {
    const of = built.filter((p) => p.investor === investor);
    check(`${investor} count`, of.length, g.projectCount);
    check(
      `${investor} amount`,
      of.reduce((s, p) => s + p.annualPlan!, 0),
      wanToCents(g.amount),
    );
  }
  for (const [direction, g] of Object.entries(PLAN_2025.directions)) {
    check(
      `${direction} amount`,
      built.filter((p) => p.direction === direction).reduce((s, p) => s + p.annualPlan!, 0),
      wanToCents(g.amount),
    );
  }
  for (const p of data.projects) {
    if (p.annualPlan !== null)
      check(
        `${p.code} monthly split`,
        p.monthlyPlan.reduce((s, m) => s + m, 0),
        p.annualPlan,
      );
    if (p.totalInvestment < p.cumulativeBeforeYear + (p.annualPlan ?? 0))
      throw new Error(`${p.code}: plan exceeds total investment`);
  }
}
