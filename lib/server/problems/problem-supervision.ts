import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { supervisionNumber } from '@/lib/domain/problems/numbering';
import type { Tx } from '@/lib/server/audit';
import { now } from '@/lib/server/clock';
import { addEntry, nextSupervisionSeq, type StepRow } from './problem-writes-core';

/**
 * Issues the 督办单 of a problem: level 挂牌督办, the year's next 督办 number, the requirement, the time from the
 * business clock, and the ESCALATED entry. The caller holds the problem's row lock and has checked it has no
 * notice yet; the bureau's escalation, an assignment to 挂牌督办 and the daily check all come here.
 */
export async function issueSupervision(
  tx: Tx,
  row: StepRow,
  requirement: string,
  author: Pick<Actor, 'id' | 'departmentId'> | null,
): Promise<string> {
  const seq = await nextSupervisionSeq(tx, row.planYearId);
  const number = supervisionNumber(row.planYear.year, seq);
  await tx.problem.update({
    where: { id: row.id },
    data: {
      level: 'SUPERVISED',
      supervisionSeq: seq,
      supervisionNumber: number,
      supervisionRequirement: requirement,
      escalatedAt: await now(tx),
    },
  });
  await addEntry(tx, row.id, 'ESCALATED', author, requirement, { supervisionNumber: number });
  return number;
}
