/**
 * Monthly reports for the report stories (tests/integration/report-*.test.ts), taken from the seeded 2025 plan:
 * November (the reporting month) is mostly drafts, earlier months approved. Each report or plan is handed out
 * once per file, so one story's changes never meet another's.
 */
import { centsToWan, wanToCents, type Cents } from '@/lib/domain/money';
import type { Db } from '@/lib/prisma';
import { digestOf } from './audit';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * The stories take projects without a plan in a closed year (the seed's 2024): they state and restate the
 * project's facts (an actual start in 2024, say), which a closed year would hold (docs/year-cycle.md).
 */
const OPEN_YEARS_ONLY = { plans: { none: { planYear: { status: 'CLOSED' as const } } } };

export type ReportStatus = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED';
type Stage = 'PRELIMINARY' | 'NEW_START' | 'ONGOING' | 'COMPLETION';

/** A total investment no month comes near, so that only the check under test can refuse a save. */
export const HUGE = '9999999999.00';

/** A stored amount (Decimal) in cents of 万元, and back. */
export const toCents = (value: { toString(): string }): Cents => wanToCents(value.toString());
export const wan = (cents: Cents): string => centsToWan(cents);

/** The text fields of a save; the amount and the rest as the overrides say. */
export function reportFields(overrides: Record<string, unknown> = {}) {
  return {
    investedThisMonth: '100.00',
    progressText: '主体结构施工',
    problems: '',
    coordinationNeeded: '',
    nextSteps: '继续施工',
    ...overrides,
  };
}

/** Every table a report action may write: equal before and after proves a refused call wrote nothing. */
export function reportDigest(db: Db): Promise<string> {
  return digestOf(db, [
    'MonthlyReport',
    'MonthlyReportRevision',
    'Project',
    'PreliminaryMilestone',
    'Notification',
    'AuditLog',
  ]);
}

/**
 * A second reporter of 区住房城乡建委 and of 区教委, a second reviewer, and inactive ones who must hear nothing:
 * for the notification and two-people stories.
 */
export async function addSecondUsers(db: Db): Promise<void> {
  const dept = async (name: string) => (await db.department.findUniqueOrThrow({ where: { name } })).id;
  const [zjw, jw, bureau] = [await dept('区住房城乡建委'), await dept('区教委'), await dept('区发展改革委')];
  await db.user.createMany({
    data: [
      {
        username: 'zjw2',
        displayName: '孙填报（区住房城乡建委）',
        passwordHash: 'x',
        role: 'DEPARTMENT',
        departmentId: zjw,
      },
      {
        username: 'zjw-old',
        displayName: '已停用（区住房城乡建委）',
        passwordHash: 'x',
        role: 'DEPARTMENT',
        departmentId: zjw,
        active: false,
      },
      { username: 'jw2', displayName: '周填报（区教委）', passwordHash: 'x', role: 'DEPARTMENT', departmentId: jw },
      {
        username: 'jw-old',
        displayName: '已停用（区教委）',
        passwordHash: 'x',
        role: 'DEPARTMENT',
        departmentId: jw,
        active: false,
      },
      {
        username: 'bureau2',
        displayName: '钱审核（区发展改革委）',
        passwordHash: 'x',
        role: 'BUREAU',
        departmentId: bureau,
      },
      {
        username: 'bureau-old',
        displayName: '已停用审核',
        passwordHash: 'x',
        role: 'BUREAU',
        departmentId: bureau,
        active: false,
      },
    ],
  });
}

/**
 * A file's report stories: a fresh copy of the seeded database that the report actions (imported here, after
 * DATABASE_URL points at it) write to, and the reports to tell them with. `close()` in afterAll.
 */
export async function openReportStories(options: { secondUsers?: boolean } = {}): Promise<ReportStories> {
  const t = await createTestDatabase('seeded', { app: true });
  const actions = await import('@/lib/actions/reports');
  if (options.secondUsers) await addSecondUsers(t.db);
  const { currentMonth } = await t.db.planYear.findUniqueOrThrow({
    where: { year: 2025 },
    select: { currentMonth: true },
  });
  return new ReportStories(t, actions, currentMonth);
}

export class ReportStories {
  readonly db: Db;
  private readonly usedReports = new Set<number>();
  private readonly usedPlans = new Set<number>();

  constructor(
    private readonly t: TestDatabase,
    readonly actions: typeof import('@/lib/actions/reports'),
    /** the month departments report for now (November in the seed) */
    readonly currentMonth: number,
  ) {
    this.db = t.db;
  }

  close(): Promise<void> {
    return this.t.drop();
  }

  /** Hands out a report found another way (e.g. the month before one that was handed out). */
  use(reportId: number): void {
    this.usedReports.add(reportId);
  }

  private async departmentOf(username: string): Promise<number> {
    const user = await this.db.user.findUniqueOrThrow({ where: { username }, select: { departmentId: true } });
    return user.departmentId ?? -1;
  }

  /** A 2025 report of the user's department in that state (the current month unless said), not handed out before. */
  async reportOf(
    username: string,
    status: ReportStatus,
    month = this.currentMonth,
    extra: { investedPositive?: boolean; stageNot?: Stage; priorApproved?: boolean } = {},
  ) {
    const report = await this.db.monthlyReport.findFirst({
      where: {
        month,
        status,
        id: { notIn: [...this.usedReports] },
        ...(extra.investedPositive ? { investedThisMonth: { gt: 0 } } : {}),
        plan: {
          project: { departmentId: await this.departmentOf(username), ...OPEN_YEARS_ONLY },
          planYear: { year: 2025 },
          ...(extra.stageNot ? { stage: { not: extra.stageNot } } : {}),
          // the month before is approved (and not handed out): for a story that reopens it
          ...(extra.priorApproved
            ? { reports: { some: { month: month - 1, status: 'APPROVED', id: { notIn: [...this.usedReports] } } } }
            : {}),
        },
      },
      select: { id: true, planId: true, month: true, version: true },
      orderBy: { id: 'asc' },
    });
    if (!report) throw new Error(`no ${status} report for ${username}`);
    this.usedReports.add(report.id);
    return report;
  }

  async reportsOf(username: string, status: ReportStatus, n: number, month = this.currentMonth) {
    const out = [];
    for (let i = 0; i < n; i++) out.push(await this.reportOf(username, status, month));
    return out;
  }

  /** A 2025 plan of the user's department with no report for the current month yet. */
  async planWithoutReport(username: string) {
    const plan = await this.db.projectPlan.findFirst({
      where: {
        id: { notIn: [...this.usedPlans] },
        planYear: { year: 2025 },
        project: { departmentId: await this.departmentOf(username), ...OPEN_YEARS_ONLY },
        reports: { none: { month: this.currentMonth } },
      },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    if (!plan) throw new Error(`no plan without a report for ${username}`);
    this.usedPlans.add(plan.id);
    return plan;
  }

  /**
   * A current-month draft whose plan has at least two earlier months reported with investment in all, so
   * averages and year to date are not zero; `prior` are those months' amounts in cents.
   */
  async draftWithHistory(username: string) {
    const candidates = await this.db.monthlyReport.findMany({
      where: {
        month: this.currentMonth,
        status: 'DRAFT',
        id: { notIn: [...this.usedReports] },
        plan: {
          project: { departmentId: await this.departmentOf(username), ...OPEN_YEARS_ONLY },
          planYear: { year: 2025 },
        },
      },
      select: { id: true, planId: true, month: true, version: true },
      orderBy: { id: 'asc' },
    });
    for (const c of candidates) {
      const prior = await this.db.monthlyReport.findMany({
        where: { planId: c.planId, month: { lt: c.month } },
        select: { investedThisMonth: true },
        orderBy: { month: 'asc' },
      });
      // the spike's base: the months from the first with any investment on (a new start's zeros before it do not count)
      const all = prior.map((p) => toCents(p.investedThisMonth));
      const first = all.findIndex((x) => x > 0);
      const cents = first < 0 ? [] : all.slice(first);
      const sum = cents.reduce((s, x) => s + x, 0);
      if (cents.length >= 2 && sum >= 1000) {
        this.usedReports.add(c.id);
        return { ...c, prior: cents, priorSum: sum };
      }
    }
    throw new Error(`no draft with history for ${username}`);
  }

  reportRow(id: number) {
    return this.db.monthlyReport.findUniqueOrThrow({ where: { id } });
  }

  async projectOfPlan(planId: number) {
    return (await this.db.projectPlan.findUniqueOrThrow({ where: { id: planId }, include: { project: true } })).project;
  }

  /** The input that saves a report again with its stored values, then the overrides. */
  async resave(reportId: number, overrides: Record<string, unknown> = {}) {
    const r = await this.reportRow(reportId);
    return {
      projectPlanId: r.planId,
      month: r.month,
      version: r.version,
      investedThisMonth: r.investedThisMonth.toFixed(2),
      progressText: r.progressText,
      problems: r.problems,
      coordinationNeeded: r.coordinationNeeded,
      nextSteps: r.nextSteps,
      explanation: r.explanation,
      percentComplete: r.percentComplete?.toFixed(2) ?? '',
      actualStart: r.actualStart?.toISOString().slice(0, 10) ?? '',
      actualCompletion: r.actualCompletion?.toISOString().slice(0, 10) ?? '',
      ...overrides,
    };
  }

  /** Sets up the plan and project behind a report as a story needs them. */
  async arrange(
    planId: number,
    plan: { stage?: Stage; annualPlan?: string | null },
    project: { totalInvestment?: string; actualStart?: Date | null } = {},
  ) {
    const row = await this.db.projectPlan.update({ where: { id: planId }, data: plan });
    if (Object.keys(project).length) await this.db.project.update({ where: { id: row.projectId }, data: project });
  }

  async activeUserIds(where: { role: 'DEPARTMENT'; departmentId: number } | { role: 'BUREAU' }) {
    const users = await this.db.user.findMany({
      where: { ...where, active: true },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    return users.map((u) => u.id);
  }

  async lastNotificationId() {
    return (await this.db.notification.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? 0;
  }

  notificationsSince(id: number) {
    return this.db.notification.findMany({ where: { id: { gt: id } }, orderBy: { id: 'asc' } });
  }
}
