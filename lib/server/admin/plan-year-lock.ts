import 'server-only';
import type { PlanYearStatus } from '@/generated/prisma/enums';
import type { Tx } from '@/lib/server/audit';
import { ConflictError, NotFoundError } from '@/lib/server/errors';

export interface LockedPlanYear {
  id: number;
  year: number;
  status: PlanYearStatus;
  currentMonth: number;
}

/**
 * Reads plan years' status under a share lock held until the transaction ends. Closing a year updates its row, so
 * a close waits for every write already holding the lock, and a write that asks after the close waits for it and
 * then reads CLOSED (under READ COMMITTED a locking read returns the row as committed, not as first seen). Every
 * write that a closed year must refuse takes the status from here, never from a plain read. Rows are locked in id
 * order, so two writers never wait for each other in a cycle.
 */
export async function lockPlanYears(tx: Tx, planYearIds: readonly number[]): Promise<Map<number, LockedPlanYear>> {
  const ids = [...new Set(planYearIds)];
  if (ids.length === 0) return new Map();
  const rows = await tx.$queryRaw<LockedPlanYear[]>`
    SELECT id, year, status::text AS status, "currentMonth" FROM "PlanYear" WHERE id = ANY(${ids}::int[]) ORDER BY id FOR SHARE`;
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Refuses any change to a closed plan year's figures: call it inside the transaction of every write to a plan,
 * a monthly plan item or a monthly report, with the plan's planYearId, before writing. Throws a ConflictError
 * ("2025年度已关闭，数据已锁定，不能修改") for a CLOSED year and NotFoundError for an unknown id.
 */
export async function assertPlanYearOpen(
  tx: Tx,
  planYearId: number,
): Promise<{ year: number; status: PlanYearStatus }> {
  const row = (await lockPlanYears(tx, [planYearId])).get(planYearId);
  if (!row) throw new NotFoundError('plan year');
  if (row.status === 'CLOSED') throw new ConflictError('validation.planYearClosed', { year: String(row.year) });
  return { year: row.year, status: row.status };
}

/**
 * For each project, the latest CLOSED year in which it has a plan (none: not in the map). The rows of every year
 * the projects have plans in are share-locked first, so a year that closes while the caller writes either waits
 * for the write or is seen as closed (see lockPlanYears).
 */
export async function lastClosedYears(tx: Tx, projectIds: readonly number[]): Promise<Map<number, number>> {
  const ids = [...new Set(projectIds)];
  if (ids.length === 0) return new Map();
  const years = await tx.$queryRaw<{ id: number }[]>`
    SELECT DISTINCT "planYearId" AS id FROM "ProjectPlan" WHERE "projectId" = ANY(${ids}::int[])`;
  await lockPlanYears(
    tx,
    years.map((y) => y.id),
  );
  const rows = await tx.$queryRaw<{ projectId: number; year: number }[]>`
    SELECT pp."projectId", max(py.year)::int AS year
      FROM "ProjectPlan" pp JOIN "PlanYear" py ON py.id = pp."planYearId"
     WHERE pp."projectId" = ANY(${ids}::int[]) AND py.status = 'CLOSED'
     GROUP BY pp."projectId"`;
  return new Map(rows.map((r) => [r.projectId, r.year]));
}
