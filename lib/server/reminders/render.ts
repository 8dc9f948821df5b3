import 'server-only';
// use-intl's core (the translator without React): also loads where 'react' resolves to its server build, as in
// the scripts run with --conditions=react-server (e2e/business-day.ts runs the daily check that renders these)
import { createTranslator } from 'use-intl/core';
import { notificationMessage } from '@/components/notifications/notification-message';
import type { NotificationKind } from '@/generated/prisma/enums';
import type { OutboxPayload } from '@/lib/domain/outbox';
import zhCN from '@/messages/zh-CN.json';
import type { NotificationParams } from '@/lib/server/notifications/notify';
import { appBaseUrl } from './config';

/**
 * An outbox message's text, rendered when it is queued: in zh-CN, the product's first language (an e-mail or a
 * group message has no reader's language to follow), from the same `notifications.text` messages as the bell, so a
 * new NotificationKind needs only its message.
 */
const tText = createTranslator({ locale: 'zh-CN', messages: zhCN, namespace: 'notifications.text' });
const tMail = createTranslator({ locale: 'zh-CN', messages: zhCN, namespace: 'reminders.email' });

export function renderOutboxPayload(kind: NotificationKind, params: NotificationParams, link: string): OutboxPayload {
  const text = notificationMessage(tText, 'zh-CN', { kind, params });
  const base = appBaseUrl();
  return {
    subject: tMail('subject', { text: text.length > 60 ? `${text.slice(0, 60)}…` : text }),
    text,
    link: link.startsWith('/') ? `${base}${link}` : link,
  };
}

/** The line under every e-mail's text. */
export const emailFooter = (): string => tMail('footer');
