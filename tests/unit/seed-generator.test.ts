import { describe, expect, it } from 'vitest';
import { wanToCents } from '@/lib/domain/money';
import { PLAN_2025 } from '@/lib/domain/plan-2025';
import { NAMED_PROJECTS } from '@/prisma/seed/catalog';
import { DEMO_LOGINS } from '@/prisma/seed/demo-logins';
import { generateSeedData } from '@/prisma/seed/generate';

const data = generateSeedData();
const built = data.projects.filter((p) => p.stage !== 'PRELIMINARY');
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const planOf = (ps: typeof data.projects) => sum(ps.map((p) => p.annualPlan ?? 0));

describe('the generated 2025 plan reproduces the published figures exactly', () => {
  it('has 421 projects: 86 完工, 54 续建, 126 新开工, 155 前期', () => {
    expect(data.projects).toHaveLength(421);
    for (const [stage, g] of Object.entries(PLAN_2025.stages)) {
      expect(
        data.projects.filter((p) => p.stage === stage),
        stage,
      ).toHaveLength(g.projectCount);
    }
  });

  it('plans 247.8亿元 over the construction projects, to the cent, by stage', () => {
    expect(planOf(built)).toBe(wanToCents('2478000'));
    expect(planOf(data.projects.filter((p) => p.stage === 'COMPLETION'))).toBe(wanToCents('280000'));
    expect(planOf(data.projects.filter((p) => p.stage === 'ONGOING'))).toBe(wanToCents('584000'));
    expect(planOf(data.projects.filter((p) => p.stage === 'NEW_START'))).toBe(wanToCents('1614000'));
  });

  it('matches the investor split in counts and amounts (市级 23/66.8亿, 社会 42/82.5亿, 区级 201/98.5亿)', () => {
    for (const [investor, g] of Object.entries(PLAN_2025.investors)) {
      const of = built.filter((p) => p.investor === investor);
      expect(of, investor).toHaveLength(g.projectCount);
      expect(planOf(of), investor).toBe(wanToCents(g.amount));
    }
  });

  it('matches the direction split (83.5 / 29.6 / 56.9 / 77.8亿)', () => {
    for (const [direction, g] of Object.entries(PLAN_2025.directions)) {
      expect(planOf(built.filter((p) => p.direction === direction)), direction).toBe(wanToCents(g.amount));
    }
  });

  it('totals 2015亿元 of investment over all 421 projects', () => {
    expect(sum(data.projects.map((p) => p.totalInvestment))).toBe(wanToCents('20150000'));
  });

  it('gives 前期 projects no annual plan and no monthly split', () => {
    for (const p of data.projects.filter((x) => x.stage === 'PRELIMINARY')) {
      expect(p.annualPlan).toBeNull();
      expect(sum(p.monthlyPlan)).toBe(0);
    }
  });
});

describe('every project is internally consistent', () => {
  it('splits each annual plan over twelve months summing to it exactly', () => {
    for (const p of built) {
      expect(p.monthlyPlan).toHaveLength(12);
      expect(sum(p.monthlyPlan), p.code).toBe(p.annualPlan);
      expect(p.monthlyPlan.every((m) => m >= 0)).toBe(true);
    }
  });

  it('never plans more than the total investment leaves for the year', () => {
    for (const p of data.projects) {
      expect(p.cumulativeBeforeYear + (p.annualPlan ?? 0), p.code).toBeLessThanOrEqual(p.totalInvestment);
    }
  });

  it('has unique codes and unique, realistic names', () => {
    expect(new Set(data.projects.map((p) => p.code)).size).toBe(421);
    expect(new Set(data.projects.map((p) => p.name)).size).toBe(421);
    for (const p of data.projects) expect(p.name).not.toMatch(/project\s*\d+|项目\s*\d+$/i);
  });

  it('keeps at least 30 projects under the names the report gives them', () => {
    const names = new Set(data.projects.map((p) => p.name));
    const present = NAMED_PROJECTS.filter((n) => names.has(n.name));
    expect(present.length).toBeGreaterThanOrEqual(30);
    expect(names).toContain('重庆站铁路综合枢纽改造');
    expect(names).toContain('山城巷二期');
  });

  it('orders dates: planned start before planned completion, actual start not before 2015', () => {
    for (const p of data.projects) {
      expect(p.plannedStart.getTime(), p.code).toBeLessThan(p.plannedCompletion.getTime());
      if (p.actualCompletion && p.actualStart)
        expect(p.actualStart.getTime()).toBeLessThan(p.actualCompletion.getTime());
    }
  });
});

describe('the November 2025 reporting round', () => {
  const novemberStatus = (p: (typeof data.projects)[number]) =>
    p.reports.find((r) => r.month === 11)?.status ?? 'MISSING';

  it('has January–October approved for every project', () => {
    for (const p of data.projects) {
      const early = p.reports.filter((r) => r.month <= 10);
      expect(
        early.map((r) => r.month),
        p.code,
      ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(early.every((r) => r.status === 'APPROVED' && r.submittedAt && r.reviewedAt)).toBe(true);
    }
  });

  it('has November in flight: submitted, drafts, returned with a comment, and missing', () => {
    const counts: Record<string, number> = {};
    for (const p of data.projects) counts[novemberStatus(p)] = (counts[novemberStatus(p)] ?? 0) + 1;
    for (const status of ['SUBMITTED', 'DRAFT', 'RETURNED', 'MISSING'])
      expect(counts[status] ?? 0, status).toBeGreaterThan(10);
    for (const p of data.projects) {
      const nov = p.reports.find((r) => r.month === 11);
      if (nov?.status === 'RETURNED') expect(nov.reviewComment).toBeTruthy();
      if (nov?.status === 'DRAFT') expect(nov.submittedAt).toBeNull();
    }
  });

  // The year-end forecast is pinned near the plan in seed-plausibility.test.ts; with splits close to 序时 the
  // district then stands near 序时进度 too, neither far ahead (119% forecast) nor far behind.
  it('stands within 3 points of 序时进度 after October, with some projects well behind', () => {
    const ytd = sum(built.map((p) => sum(p.reports.filter((r) => r.month <= 10).map((r) => r.invested))));
    const ratio = ytd / planOf(built);
    expect(Math.abs(ratio - 10 / 12)).toBeLessThan(0.03);
    const behind = built.filter(
      (p) => sum(p.reports.filter((r) => r.month <= 10).map((r) => r.invested)) < 0.6 * p.annualPlan!,
    );
    expect(behind.length).toBeGreaterThan(10);
    expect(data.projects.some((p) => p.stage === 'NEW_START' && p.actualStart === null)).toBe(true);
  });

  it('plants each reporting anomaly the entry checks must catch', () => {
    const byKind = new Map(data.anomalies.map((a) => [a.kind, data.projects.find((p) => p.code === a.projectCode)!]));
    const nov = (p: (typeof data.projects)[number]) => p.reports.find((r) => r.month === 11)!;
    const over = byKind.get('CUMULATIVE_ABOVE_TOTAL')!;
    expect(over.cumulativeBeforeYear + sum(over.reports.map((r) => r.invested))).toBeGreaterThan(over.totalInvestment);
    const prelim = byKind.get('INVESTMENT_ON_PRELIMINARY')!;
    expect(prelim.stage).toBe('PRELIMINARY');
    expect(nov(prelim).invested).toBeGreaterThan(0);
    const jump = byKind.get('TENFOLD_JUMP')!;
    expect(nov(jump).invested).toBe(10 * jump.reports.find((r) => r.month === 10)!.invested);
    const noStart = byKind.get('INVESTMENT_WITHOUT_START')!;
    expect(noStart.actualStart).toBeNull();
    expect(nov(noStart).invested).toBeGreaterThan(0);
    for (const p of byKind.values()) expect(nov(p).status).toBe('SUBMITTED');
  });

  it('gives 前期 projects milestones, some blocked and some ready to start', () => {
    const prelim = data.projects.filter((p) => p.stage === 'PRELIMINARY');
    expect(prelim.every((p) => p.milestones.length === 5)).toBe(true);
    expect(prelim.some((p) => p.milestones.some((m) => m.status === 'BLOCKED' && m.note))).toBe(true);
    expect(prelim.filter((p) => p.milestones.every((m) => m.status === 'DONE')).length).toBeGreaterThan(0);
  });
});

describe('the generator', () => {
  it('is deterministic', () => {
    expect(generateSeedData()).toEqual(data);
  });

  it('reproduces the plan from any seed', () => {
    const other = generateSeedData(7);
    expect(other.projects.map((p) => p.name)).not.toEqual(data.projects.map((p) => p.name));
    expect(sum(other.projects.map((p) => p.annualPlan ?? 0))).toBe(wanToCents('2478000'));
  });

  it('creates every demo login with a department that exists', () => {
    const departments = new Set(data.departments.map((d) => d.name));
    for (const login of DEMO_LOGINS) {
      expect(data.users.some((u) => u.username === login.username)).toBe(true);
      if (login.department) expect(departments).toContain(login.department);
    }
    expect(data.users.filter((u) => u.role === 'DEPARTMENT').length).toBeGreaterThanOrEqual(5);
  });
});
