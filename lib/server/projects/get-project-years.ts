import 'server-only';
import Decimal from 'decimal.js';
import type { PlanYearStatus, Stage } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { authorizeRecord } from '@/lib/server/authorize';

/** One plan year of a project, with its outcome on the official (approved) basis. */
export interface ProjectYear {
  year: number;
  status: PlanYearStatus;
  stage: Stage;
  /** 万元; null for 前期 */
  annualPlan: string | null;
  /** 截至上年底累计完成投资, 万元 */
  cumulativeBeforeYear: string;
  /** the year's approved months, 万元 */
  completed: string;
  /** cumulativeBeforeYear + completed: since the start, at the year's end (or its last approved month) */
  cumulativeEnd: string;
  /** the months with an approved figure, cumulative since the start, 万元 */
  months: { month: number; cumulative: string }[];
}

export interface ProjectYears {
  /** 总投资, 万元 */
  totalInvestment: string;
  /** oldest first */
  years: ProjectYear[];
}

/**
 * All the plan years of one project, for its page's multi-year view: each year's stage, plan and approved
 * outcome, and the cumulative completed at each approved month. Sums are PostgreSQL's, exact. Authorized like
 * getProject: another department's project (for a department) is answered as not found.
 */
export async function getProjectYears(db: Db, actor: Actor, options: { projectId: number }): Promise<ProjectYears> {
  const found = await db.project.findUnique({
    where: { id: options.projectId },
    select: { id: true, departmentId: true, totalInvestment: true },
  });
  const readable = authorizeRecord(actor, 'project.read', found, 'project');
  const project = authorizeRecord(actor, 'report.read', readable, 'project');

  const rows = await db.$queryRaw<
    {
      year: number;
      status: PlanYearStatus;
      stage: Stage;
      annualPlan: string | null;
      before: string;
      month: number | null;
      cumulative: string | null;
    }[]
  >`
    SELECT y.year, y.status, pp.stage, pp."annualPlan"::text AS "annualPlan",
           pp."cumulativeBeforeYear"::text AS before, r.month,
           (pp."cumulativeBeforeYear" + sum(r."approvedInvested") OVER (PARTITION BY pp.id ORDER BY r.month))::numeric(18, 2)::text
             AS cumulative
      FROM "ProjectPlan" pp
      JOIN "PlanYear" y ON y.id = pp."planYearId"
      LEFT JOIN "MonthlyReport" r ON r."planId" = pp.id AND r."approvedInvested" IS NOT NULL
     WHERE pp."projectId" = ${project.id}
     ORDER BY y.year, r.month`;

  const years = new Map<number, ProjectYear>();
  for (const r of rows) {
    let y = years.get(r.year);
    if (!y) {
      y = {
        year: r.year,
        status: r.status,
        stage: r.stage,
        annualPlan: r.annualPlan,
        cumulativeBeforeYear: r.before,
        completed: '0.00',
        cumulativeEnd: r.before,
        months: [],
      };
      years.set(r.year, y);
    }
    if (r.month !== null && r.cumulative !== null) {
      y.months.push({ month: r.month, cumulative: r.cumulative });
      y.cumulativeEnd = r.cumulative;
    }
  }
  // exact decimal strings from the database, subtracted exactly
  for (const y of years.values()) y.completed = new Decimal(y.cumulativeEnd).minus(y.cumulativeBeforeYear).toFixed(2);
  return { totalInvestment: project.totalInvestment.toFixed(2), years: [...years.values()] };
}
