import 'server-only';
import type { ReportStatus, Stage } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { departmentScope } from '@/lib/server/authorize';

export const PROJECTS_PAGE_SIZE = 50;

export interface ProjectListItem {
  id: number;
  code: string;
  name: string;
  departmentId: number;
  departmentName: string;
  stage: Stage;
  /** 万元, exact; null for 前期 projects */
  annualPlan: string | null;
  /** 万元, the sum of the year's approved reports, summed by PostgreSQL */
  ytdApproved: string;
  /** the status of the report for the plan year's current month; null when none was started */
  currentMonthStatus: ReportStatus | null;
}

export interface ProjectList {
  year: number;
  currentMonth: number;
  items: ProjectListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ListProjectsOptions {
  year: number;
  /** 1-based */
  page?: number;
  pageSize?: number;
}

/**
 * The projects of a plan year the actor may read, by project code. A department sees its own projects only;
 * the scope is part of the query, so counts and pages never include another department's rows.
 * Returns null when the plan year does not exist.
 */
export async function listProjects(db: Db, actor: Actor, options: ListProjectsOptions): Promise<ProjectList | null> {
  const scope = departmentScope(actor, 'project.read');
  const pageSize = Math.min(Math.max(options.pageSize ?? PROJECTS_PAGE_SIZE, 1), 200);
  const page = Math.max(options.page ?? 1, 1);

  const planYear = await db.planYear.findUnique({
    where: { year: options.year },
    select: { id: true, year: true, currentMonth: true },
  });
  if (!planYear) return null;

  const where = { planYearId: planYear.id, project: scope };
  const [total, plans] = await Promise.all([
    db.projectPlan.count({ where }),
    db.projectPlan.findMany({
      where,
      select: {
        id: true,
        stage: true,
        annualPlan: true,
        project: { select: { id: true, code: true, name: true, departmentId: true, department: { select: { name: true } } } },
        reports: { where: { month: planYear.currentMonth }, select: { status: true } },
      },
      orderBy: { project: { code: 'asc' } },
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);

  const planIds = plans.map((p) => p.id);
  const approved = planIds.length
    ? await db.monthlyReport.groupBy({
        by: ['planId'],
        where: { planId: { in: planIds }, status: 'APPROVED' },
        _sum: { investedThisMonth: true },
      })
    : [];
  const ytdByPlan = new Map(approved.map((row) => [row.planId, row._sum.investedThisMonth?.toFixed(2) ?? '0.00']));

  return {
    year: planYear.year,
    currentMonth: planYear.currentMonth,
    total,
    page,
    pageSize,
    items: plans.map((plan) => ({
      id: plan.project.id,
      code: plan.project.code,
      name: plan.project.name,
      departmentId: plan.project.departmentId,
      departmentName: plan.project.department.name,
      stage: plan.stage,
      annualPlan: plan.annualPlan?.toFixed(2) ?? null,
      ytdApproved: ytdByPlan.get(plan.id) ?? '0.00',
      currentMonthStatus: plan.reports[0]?.status ?? null,
    })),
  };
}
