import 'server-only';
import { createTranslator } from 'next-intl';
import type { ReportStatus } from '@/generated/prisma/enums';
import type { AppLocale } from '@/i18n/config';
import type { Tx } from '@/lib/server/audit';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';
import { ConflictError } from '@/lib/server/errors';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';

const MESSAGES = { 'zh-CN': zhCN, en } as const;

function translator(locale: AppLocale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: 'reports' });
}

/**
 * The action wrapper shows a ConflictError's message as it is, so the message is written here in the user's
 * language: a conflict is the one refusal whose reason the user must read to know what to do next.
 */
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

export async function reportConflict(tx: Tx, locale: AppLocale, conflict: ReportConflict): Promise<ConflictError> {
  const t = translator(locale);
  switch (conflict.kind) {
    case 'stale': {
      // Name who saved it and when, from the trail: "someone" alone leaves the user guessing whom to call.
      const last = conflict.reportId === null ? null : await tx.auditLog.findFirst({
        where: { entity: 'MonthlyReport', entityId: String(conflict.reportId) },
        select: { at: true, actor: true, actorUser: { select: { displayName: true } } },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
      });
      const message = last
        ? t('errors.staleVersion', {
            who: last.actorUser?.displayName ?? last.actor,
            time: formatChongqingTime(last.at, { seconds: false }),
          })
        : t('errors.staleVersionUnknown');
      return new ConflictError(message);
    }
    case 'locked':
      return new ConflictError(t(conflict.status === 'APPROVED' ? 'errors.lockedApproved' : 'errors.lockedSubmitted'));
    case 'yearClosed':
      return new ConflictError(t('errors.yearClosed', { year: String(conflict.year) }));
    case 'yearNotOpen':
      return new ConflictError(t('errors.yearNotOpen', { year: String(conflict.year) }));
    case 'futureMonth':
      return new ConflictError(
        t('errors.futureMonth', { month: conflict.month, currentMonth: conflict.currentMonth }),
      );
    case 'closedYearFact':
      return new ConflictError(t('errors.closedYearFact', { project: conflict.project, year: String(conflict.year), date: conflict.date }));
    case 'staleBatch':
      return new ConflictError(t('errors.staleBatch', { count: conflict.count }));
    case 'notSubmittable':
    case 'notReviewable':
    case 'notReopenable': {
      const message = t(`errors.${conflict.kind}`, { status: t(`status.${conflict.status}`) });
      return new ConflictError(conflict.project ? t('errors.inBatch', { project: conflict.project, message }) : message);
    }
  }
}
