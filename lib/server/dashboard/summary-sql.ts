import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { RollupBasis } from './rollup-types';

/**
 * The maintained figures as SQL (prisma/migrations/20261208040000_plan_summary; kept equal to the reports by
 * triggers, checked by `npm run figures:verify`). Dashboard, list and API reads take their amounts from here, not
 * from the reports: a plan's year to date is one array slot.
 */

/** A month 1–12 as an array subscript (a constant in the statement, so the planner sees it). */
export function slot(month: number): Prisma.Sql {
  if (!Number.isInteger(month) || month < 0 || month > 12) throw new RangeError(`month ${month}`);
  return Prisma.raw(String(month));
}

/**
 * Months 1…N of a plan under a basis, over the alias `s` ("PlanSummary"): official figures count approved
 * amounts; the submitted basis adds what was submitted and not reviewed yet. 0 for N = 0 or a plan without row.
 */
export function ytdSql(basis: RollupBasis, month: number): Prisma.Sql {
  const column = basis === 'approved' ? Prisma.sql`s."approvedYtd"` : Prisma.sql`s."submittedYtd"`;
  return Prisma.sql`COALESCE(${column}[${slot(month)}], 0)`;
}

/** One report's amount under a basis, over the alias `f` ("PlanMonthSummary"); null when it counts nothing. */
export function monthAmountSql(basis: RollupBasis): Prisma.Sql {
  return basis === 'approved' ? Prisma.sql`f.approved` : Prisma.sql`f.submitted`;
}
