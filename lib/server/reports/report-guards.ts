import 'server-only';
import type { ReportStatus } from '@/generated/prisma/enums';
import { lockPlanYears, type LockedPlanYear } from '@/lib/server/admin/plan-year-lock';
import type { Tx } from '@/lib/server/audit';
import { NotFoundError } from '@/lib/server/errors';
import { reportConflict, type ReportConflict } from './report-conflict';

/** The states in which a report is still its department's to change. */
export const EDITABLE: readonly ReportStatus[] = ['DRAFT', 'RETURNED'];

export async function refuse(tx: Tx, conflict: ReportConflict): Promise<never> {
  throw await reportConflict(tx, conflict);
}

/**
 * Reports are written against an open plan year only: a closed year's figures are final. The status is read under
 * the same share lock assertPlanYearOpen takes (lockPlanYears), so a close racing a save or an approval either
 * waits for it or is seen: a report write can never land in a year that closed before it committed.
 */
export async function requireOpenYears(tx: Tx, planYearIds: readonly number[]): Promise<Map<number, LockedPlanYear>> {
  const locked = await lockPlanYears(tx, planYearIds);
  for (const planYear of [...locked.values()].sort((a, b) => a.year - b.year)) {
    if (planYear.status === 'CLOSED') await refuse(tx, { kind: 'yearClosed', year: planYear.year });
    if (planYear.status !== 'ACTIVE') await refuse(tx, { kind: 'yearNotOpen', year: planYear.year });
  }
  if (planYearIds.some((id) => !locked.has(id))) throw new NotFoundError('plan year');
  return locked;
}
