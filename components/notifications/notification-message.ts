import type { NotificationKind } from '@/generated/prisma/enums';
import { monthName } from '@/components/navigation/month-name';
import type { StoredNotificationParams } from '@/lib/validations/notification';

/** A translator of the `notifications.text` messages (next-intl's, from the server or createTranslator). */
export type NotificationTranslator = (
  key: `${NotificationKind}.${'one' | 'many'}`,
  values: Record<string, string | number>,
) => string;

/**
 * A notification's sentence in the reader's language, from its kind and stored parameters. The text is not stored,
 * so a reader who switches language sees every notification in the new one.
 */
export function notificationMessage(
  t: NotificationTranslator,
  locale: string,
  item: { kind: NotificationKind; params: StoredNotificationParams },
): string {
  const { department, year, month, count, project, comment, number, days } = item.params;
  const one = count <= 1 && project !== undefined;
  return t(`${item.kind}.${one ? 'one' : 'many'}`, {
    department,
    // a string: a number would be written "2,025" in English
    year: String(year),
    month,
    monthName: monthName(month, locale),
    count,
    project: project ?? '',
    comment: comment ?? '',
    hasComment: comment ? 'yes' : 'no',
    number: number ?? '',
    days: days ?? 0,
  });
}
