import 'server-only';
import type { ReportStatus } from '@/generated/prisma/enums';
import type { Message } from '@/i18n/translate-message';
import type { Tx } from '@/lib/server/audit';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';
import { ConflictError } from '@/lib/server/errors';

/** Why a report write was refused: a conflict is the one refusal whose reason the user must read to know what to do next. */
export type ReportConflict =
  /** reportId null when the transaction can no longer be read from (a failed insert) */
  | { kind: 'stale'; reportId: number | null }
  | { kind: 'locked'; status: ReportStatus }
  | { kind: 'yearClosed'; year: number }
  | { kind: 'yearNotOpen'; year: number }
  | { kind: 'futureMonth'; month: number; currentMonth: number }
  | { kind: 'staleBatch'; count: number }
  /** project: named when the refusal is about one report of a batch */
  | { kind: 'notSubmittable'; status: ReportStatus; project?: string }
  | { kind: 'notReviewable'; status: ReportStatus; project?: string }
  | { kind: 'notReopenable'; status: ReportStatus; project?: string }
  /** approving would change a date a closed year counts */
  | { kind: 'closedYearFact'; project: string; year: number; date: string };

/** The conflict as an error carrying its message key; the action wrapper puts it in the user's language. */
export async function reportConflict(tx: Tx, conflict: ReportConflict): Promise<ConflictError> {
  switch (conflict.kind) {
    case 'stale': {
      // Name who saved it and when, from the trail: "someone" alone leaves the user guessing whom to call.
      const last =
        conflict.reportId === null
          ? null
          : await tx.auditLog.findFirst({
              where: { entity: 'MonthlyReport', entityId: String(conflict.reportId) },
              select: { at: true, actor: true, actorUser: { select: { displayName: true } } },
              orderBy: [{ at: 'desc' }, { id: 'desc' }],
            });
      return last
        ? new ConflictError('reports.errors.staleVersion', {
            who: last.actorUser?.displayName ?? last.actor,
            time: formatChongqingTime(last.at, { seconds: false }),
          })
        : new ConflictError('reports.errors.staleVersionUnknown');
    }
    case 'locked':
      return new ConflictError(
        conflict.status === 'APPROVED' ? 'reports.errors.lockedApproved' : 'reports.errors.lockedSubmitted',
      );
    case 'yearClosed':
      return new ConflictError('reports.errors.yearClosed', { year: String(conflict.year) });
    case 'yearNotOpen':
      return new ConflictError('reports.errors.yearNotOpen', { year: String(conflict.year) });
    case 'futureMonth':
      return new ConflictError('reports.errors.futureMonth', {
        month: conflict.month,
        currentMonth: conflict.currentMonth,
      });
    case 'closedYearFact':
      return new ConflictError('reports.errors.closedYearFact', {
        project: conflict.project,
        year: String(conflict.year),
        date: conflict.date,
      });
    case 'staleBatch':
      return new ConflictError('reports.errors.staleBatch', { count: conflict.count });
    case 'notSubmittable':
    case 'notReviewable':
    case 'notReopenable': {
      const message: Message = {
        key: `reports.errors.${conflict.kind}`,
        params: { status: { key: `reports.status.${conflict.status}` } },
      };
      return conflict.project
        ? new ConflictError('reports.errors.inBatch', { project: conflict.project, message })
        : new ConflictError(message.key, message.params);
    }
  }
}
