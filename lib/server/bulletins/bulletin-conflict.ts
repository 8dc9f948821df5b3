import 'server-only';
import { createTranslator } from 'next-intl';
import type { AppLocale } from '@/i18n/config';
import { getRequestContext } from '@/lib/auth/request-context';
import type { Tx } from '@/lib/server/audit';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';
import { ConflictError } from '@/lib/server/errors';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';

const MESSAGES = { 'zh-CN': zhCN, en } as const;

export type BulletinConflict =
  | { kind: 'stale'; bulletinId: number }
  | { kind: 'published'; publishedAt: Date | null }
  | { kind: 'exists'; year: number; month: number }
  | { kind: 'notClosed'; year: number; month: number; currentMonth: number };

/**
 * The action wrapper shows a ConflictError's message as it is, so it is written here in the user's language: the
 * user must read why nothing was saved to know what to do next (reload, or leave a published bulletin alone).
 */
export async function bulletinConflict(tx: Tx, conflict: BulletinConflict): Promise<ConflictError> {
  const { locale } = await getRequestContext();
  return bulletinConflictIn(tx, locale, conflict);
}

export async function bulletinConflictIn(tx: Tx, locale: AppLocale, conflict: BulletinConflict): Promise<ConflictError> {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'bulletins.errors' });
  switch (conflict.kind) {
    case 'stale': {
      // Name who saved it and when: "someone" alone leaves the user guessing whom to call.
      const last = await tx.auditLog.findFirst({
        where: { entity: 'Bulletin', entityId: String(conflict.bulletinId) },
        select: { at: true, actor: true, actorUser: { select: { displayName: true } } },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
      });
      return new ConflictError(
        last
          ? t('stale', { who: last.actorUser?.displayName ?? last.actor, time: formatChongqingTime(last.at, { seconds: false }) })
          : t('staleUnknown'),
      );
    }
    case 'published':
      return new ConflictError(
        conflict.publishedAt
          ? t('published', { time: formatChongqingTime(conflict.publishedAt, { seconds: false }) })
          : t('publishedUnknown'),
      );
    case 'exists':
      return new ConflictError(t('exists', { year: String(conflict.year), month: conflict.month }));
    case 'notClosed':
      return new ConflictError(
        t('notClosed', { year: String(conflict.year), month: conflict.month, currentMonth: conflict.currentMonth }),
      );
  }
}
