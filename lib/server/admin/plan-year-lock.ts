import 'server-only';
import type { PlanYearStatus } from '@/generated/prisma/enums';
import type { Tx } from '@/lib/server/audit';
import { NotFoundError } from '@/lib/server/errors';
import { AdminConflictError } from './conflict';

/**
 * Refuses any change to a closed plan year's figures: call it inside the transaction of every write to a plan,
 * a monthly plan item or a monthly report, with the plan's planYearId, before writing. Throws a ConflictError
 * ("2025年度已关闭，数据已锁定，不能修改") for a CLOSED year and NotFoundError for an unknown id.
 *
 * It takes a share lock on the year's row until the transaction ends, so closing a year (which updates that row)
 * waits for writes already under way, and a write that starts after the close sees CLOSED.
 */
export async function assertPlanYearOpen(tx: Tx, planYearId: number): Promise<{ year: number; status: PlanYearStatus }> {
  const rows = await tx.$queryRaw<{ year: number; status: PlanYearStatus }[]>`
    SELECT year, status::text AS status FROM "PlanYear" WHERE id = ${planYearId} FOR SHARE`;
  const row = rows[0];
  if (!row) throw new NotFoundError('plan year');
  if (row.status === 'CLOSED') throw new AdminConflictError('planYearClosed', { year: String(row.year) });
  return row;
}
