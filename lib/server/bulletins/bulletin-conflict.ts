import 'server-only';
import type { Tx } from '@/lib/server/audit';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';
import { ConflictError } from '@/lib/server/errors';

export type BulletinConflict =
  | { kind: 'stale'; bulletinId: number }
  | { kind: 'published'; publishedAt: Date | null }
  | { kind: 'exists'; year: number; month: number }
  | { kind: 'notClosed'; year: number; month: number; currentMonth: number };

/**
 * Why a bulletin write was refused, as an error carrying its message key: the user must read why nothing was
 * saved to know what to do next (reload, or leave a published bulletin alone).
 */
export async function bulletinConflict(tx: Tx, conflict: BulletinConflict): Promise<ConflictError> {
  switch (conflict.kind) {
    case 'stale': {
      // Name who saved it and when: "someone" alone leaves the user guessing whom to call.
      const last = await tx.auditLog.findFirst({
        where: { entity: 'Bulletin', entityId: String(conflict.bulletinId) },
        select: { at: true, actor: true, actorUser: { select: { displayName: true } } },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
      });
      return last
        ? new ConflictError('bulletins.errors.stale', {
            who: last.actorUser?.displayName ?? last.actor,
            time: formatChongqingTime(last.at, { seconds: false }),
          })
        : new ConflictError('bulletins.errors.staleUnknown');
    }
    case 'published':
      return conflict.publishedAt
        ? new ConflictError('bulletins.errors.published', {
            time: formatChongqingTime(conflict.publishedAt, { seconds: false }),
          })
        : new ConflictError('bulletins.errors.publishedUnknown');
    case 'exists':
      return new ConflictError('bulletins.errors.exists', { year: String(conflict.year), month: conflict.month });
    case 'notClosed':
      return new ConflictError('bulletins.errors.notClosed', {
        year: String(conflict.year),
        month: conflict.month,
        currentMonth: conflict.currentMonth,
      });
  }
}
