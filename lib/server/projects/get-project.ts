import 'server-only';
import type {
  BuildType,
  Direction,
  InvestorType,
  MilestoneKind,
  MilestoneStatus,
  PlanYearStatus,
  ReportStatus,
  Stage,
} from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import { toDateOnly } from '@/lib/domain/date-only';
import type { SplitProfile } from '@/lib/domain/monthly-split';
import type { Db } from '@/lib/prisma';
import { milestoneUpdatesOf, type MilestoneUpdate } from '@/lib/validations/report';
import { authorizeRecord } from '@/lib/server/authorize';
import { PROJECT_SELECT } from './project-state';

export interface ProjectReport {
  id: number;
  month: number;
  status: ReportStatus;
  /** 万元, exact */
  investedThisMonth: string;
  progressText: string;
  problems: string;
  coordinationNeeded: string;
  nextSteps: string;
  explanation: string;
  version: number;
  submittedAt: Date | null;
  submittedByName: string | null;
  reviewedAt: Date | null;
  reviewedByName: string | null;
  reviewComment: string | null;
  percentComplete: string | null;
  actualStart: string | null;
  actualCompletion: string | null;
  blockers: string;
  readyToStart: boolean | null;
  milestoneUpdates: MilestoneUpdate[];
  flags: string[];
  /** the figure official rollups use; differs from investedThisMonth while a reopened report is corrected */
  approvedInvested: string | null;
  /** approved versions kept when the bureau reopened the report, oldest first: "as reported" is the first */
  revisions: { revision: number; investedThisMonth: string; reopenedAt: Date | null; reopenReason: string | null }[];
  /** the bureau's backfill that wrote this month from a 调度表 (docs/backfill.md), null for a reported month */
  backfill: { fileName: string; reason: string } | null;
}

export interface ProjectPlanDetail {
  id: number;
  /** the optimistic lock an edit of this plan must name */
  version: number;
  year: number;
  planYearStatus: PlanYearStatus;
  /** the month departments are reporting for now */
  currentMonth: number;
  stage: Stage;
  investorType: InvestorType;
  direction: Direction;
  cumulativeBeforeYear: string;
  annualPlan: string | null;
  milestoneTarget: string | null;
  monthlyPlan: { month: number; amount: string }[];
  /** the profile an import derived the split from; null when it was entered */
  monthlySplitDerived: SplitProfile | null;
  reports: ProjectReport[];
  /** sums done by PostgreSQL, 万元 */
  totals: { planned: string; reported: string; approved: string };
}

export interface ProjectDetail {
  id: number;
  code: string;
  name: string;
  departmentId: number;
  departmentName: string;
  ownerUnit: string;
  area: string;
  buildType: BuildType;
  scope: string;
  totalInvestment: string;
  plannedStart: string | null;
  plannedCompletion: string | null;
  actualStart: string | null;
  actualCompletion: string | null;
  leaderInCharge: string | null;
  contactName: string | null;
  contactPhone: string | null;
  /** the plan years this project has a plan in, newest first */
  years: { year: number; status: PlanYearStatus }[];
  /** the plan of the requested year (or the default year); null when the project has none that year */
  plan: ProjectPlanDetail | null;
  /** 前期 milestones (立项/可研, 用地, 规划许可, 环评, 施工许可) */
  milestones: {
    id: number;
    kind: MilestoneKind;
    status: MilestoneStatus;
    plannedDate: string | null;
    actualDate: string | null;
  }[];
}

export interface GetProjectOptions {
  id: number;
  /** the plan year to show; by default the year departments report against, else the project's latest */
  year?: number;
}

/**
 * One project with its plan for a year, the monthly split and the reports. Another department's project
 * throws NotFoundError exactly like an id that does not exist.
 */
export async function getProject(db: Db, actor: Actor, options: GetProjectOptions): Promise<ProjectDetail> {
  const found = await db.project.findUnique({
    where: { id: options.id },
    select: {
      ...PROJECT_SELECT,
      department: { select: { name: true } },
      plans: {
        select: { id: true, planYear: { select: { year: true, status: true } } },
        orderBy: { planYear: { year: 'desc' } },
      },
      milestones: {
        select: { id: true, kind: true, status: true, plannedDate: true, actualDate: true },
        orderBy: { kind: 'asc' },
      },
    },
  });
  // The page shows the project's reports too, so both permissions must reach it (today their scopes coincide).
  const readable = authorizeRecord(actor, 'project.read', found, 'project');
  const project = authorizeRecord(actor, 'report.read', readable, 'project');

  const years = project.plans.map((p) => p.planYear);
  const chosen =
    options.year !== undefined
      ? project.plans.find((p) => p.planYear.year === options.year)
      : (project.plans.find((p) => p.planYear.status === 'ACTIVE') ?? project.plans[0]);

  return {
    id: project.id,
    code: project.code,
    name: project.name,
    departmentId: project.departmentId,
    departmentName: project.department.name,
    ownerUnit: project.ownerUnit,
    area: project.area,
    buildType: project.buildType,
    scope: project.scope,
    totalInvestment: project.totalInvestment.toFixed(2),
    plannedStart: toDateOnly(project.plannedStart),
    plannedCompletion: toDateOnly(project.plannedCompletion),
    actualStart: toDateOnly(project.actualStart),
    actualCompletion: toDateOnly(project.actualCompletion),
    leaderInCharge: project.leaderInCharge,
    contactName: project.contactName,
    contactPhone: project.contactPhone,
    years,
    plan: chosen ? await loadPlan(db, chosen.id) : null,
    milestones: project.milestones.map((m) => ({
      id: m.id,
      kind: m.kind,
      status: m.status,
      plannedDate: toDateOnly(m.plannedDate),
      actualDate: toDateOnly(m.actualDate),
    })),
  };
}

async function loadPlan(db: Db, planId: number): Promise<ProjectPlanDetail | null> {
  const plan = await db.projectPlan.findUnique({
    where: { id: planId },
    select: {
      id: true,
      version: true,
      planYear: { select: { year: true, status: true, currentMonth: true } },
      stage: true,
      investorType: true,
      direction: true,
      cumulativeBeforeYear: true,
      annualPlan: true,
      milestoneTarget: true,
      monthlyPlan: { select: { month: true, amount: true }, orderBy: { month: 'asc' } },
      monthlySplitDerived: true,
      reports: {
        select: {
          id: true,
          month: true,
          status: true,
          investedThisMonth: true,
          progressText: true,
          problems: true,
          coordinationNeeded: true,
          nextSteps: true,
          explanation: true,
          version: true,
          submittedAt: true,
          submittedBy: { select: { displayName: true } },
          reviewedAt: true,
          reviewedBy: { select: { displayName: true } },
          reviewComment: true,
          percentComplete: true,
          actualStart: true,
          actualCompletion: true,
          blockers: true,
          readyToStart: true,
          milestoneUpdates: true,
          flags: true,
          approvedInvested: true,
          revisions: {
            select: { revision: true, investedThisMonth: true, reopenedAt: true, reopenReason: true },
            orderBy: { revision: 'asc' },
          },
          backfill: { select: { fileName: true, reason: true } },
        },
        orderBy: { month: 'asc' },
      },
    },
  });
  if (!plan) return null;

  const [totals] = await db.$queryRaw<{ planned: string; reported: string; approved: string }[]>`
    SELECT
      (SELECT COALESCE(sum(amount), 0) FROM "MonthlyPlanItem" WHERE "planId" = ${planId})::numeric(18, 2)::text AS planned,
      (SELECT COALESCE(sum("investedThisMonth"), 0) FROM "MonthlyReport" WHERE "planId" = ${planId})::numeric(18, 2)::text AS reported,
      (SELECT COALESCE(sum("approvedInvested"), 0) FROM "MonthlyReport"
        WHERE "planId" = ${planId})::numeric(18, 2)::text AS approved`;

  return {
    id: plan.id,
    version: plan.version,
    year: plan.planYear.year,
    planYearStatus: plan.planYear.status,
    currentMonth: plan.planYear.currentMonth,
    stage: plan.stage,
    investorType: plan.investorType,
    direction: plan.direction,
    cumulativeBeforeYear: plan.cumulativeBeforeYear.toFixed(2),
    annualPlan: plan.annualPlan?.toFixed(2) ?? null,
    milestoneTarget: plan.milestoneTarget,
    monthlyPlan: plan.monthlyPlan.map((m) => ({ month: m.month, amount: m.amount.toFixed(2) })),
    monthlySplitDerived: plan.monthlySplitDerived,
    reports: plan.reports.map((r) => ({
      id: r.id,
      month: r.month,
      status: r.status,
      investedThisMonth: r.investedThisMonth.toFixed(2),
      progressText: r.progressText,
      problems: r.problems,
      coordinationNeeded: r.coordinationNeeded,
      nextSteps: r.nextSteps,
      explanation: r.explanation,
      version: r.version,
      submittedAt: r.submittedAt,
      submittedByName: r.submittedBy?.displayName ?? null,
      reviewedAt: r.reviewedAt,
      reviewedByName: r.reviewedBy?.displayName ?? null,
      reviewComment: r.reviewComment,
      percentComplete: r.percentComplete?.toFixed(2) ?? null,
      actualStart: toDateOnly(r.actualStart),
      actualCompletion: toDateOnly(r.actualCompletion),
      blockers: r.blockers,
      readyToStart: r.readyToStart,
      milestoneUpdates: milestoneUpdatesOf(r.milestoneUpdates),
      flags: r.flags,
      approvedInvested: r.approvedInvested?.toFixed(2) ?? null,
      revisions: r.revisions.map((v) => ({
        revision: v.revision,
        investedThisMonth: v.investedThisMonth.toFixed(2),
        reopenedAt: v.reopenedAt,
        reopenReason: v.reopenReason,
      })),
      backfill: r.backfill,
    })),
    totals: totals ?? { planned: '0.00', reported: '0.00', approved: '0.00' },
  };
}
