import { z } from 'zod';
import { WebhookKind } from '@/generated/prisma/enums';
import { RECORD_ID_MAX } from './record-id';
import { text } from './text';

/**
 * Inputs of the reminder settings (issue 15, docs/reminders.md): a user's channels on /account, a department's
 * group-robot webhook on /admin/departments, and the bureau's 催报 from the deadline board. Messages are keys under
 * `validation` in messages/*.json.
 */

export const REMINDER_MESSAGES = [
  'emailInvalid',
  'emailRequiredForChannel',
  'webhookUrlInvalid',
  'webhookUrlTooLong',
  'webhookKindRequired',
  'webhookKeywordTooLong',
] as const;

/** RFC 5321's longest address; a pattern that says "one @, a dot in the domain, no spaces", not the whole RFC. */
const EMAIL_MAX = 254;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const WEBHOOK_URL_MAX = 1000;

const recordId = z.coerce
  .number({ error: 'recordInvalid' })
  .int({ error: 'recordInvalid' })
  .positive({ error: 'recordInvalid' })
  .max(RECORD_ID_MAX, { error: 'recordInvalid' });

/** A checkbox from a no-JS form ("on") or a boolean from a client component. */
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

/** One's own channels: the bell is always on; e-mail needs an address when it is switched on. */
export const ZNotificationChannels = z
  .object({
    emailEnabled: checkbox,
    email: text(
      z
        .string()
        .max(EMAIL_MAX, { error: 'emailInvalid' })
        .refine((v) => v === '' || EMAIL_PATTERN.test(v), { error: 'emailInvalid' }),
    ),
  })
  .refine((v) => !v.emailEnabled || v.email !== '', { error: 'emailRequiredForChannel', path: ['email'] });
export type NotificationChannelsInput = z.input<typeof ZNotificationChannels>;

/** 钉钉's 加签 secret as the robot's settings page shows it: SEC and 64 hex digits. */
const DINGTALK_SECRET = /^SEC[0-9a-f]{64}$/;

/**
 * A department's group robot: 企业微信 or 钉钉, an http(s) URL (a secret), 钉钉's optional keyword and optional 加签
 * secret (blank for none; 钉钉 only).
 */
export const ZDepartmentWebhook = z
  .object({
    departmentId: recordId,
    kind: z.enum(WebhookKind, { error: 'webhookKindRequired' }),
    url: text(
      z.string().max(WEBHOOK_URL_MAX, { error: 'webhookUrlTooLong' }).refine(isHttpUrl, { error: 'webhookUrlInvalid' }),
      { ceiling: WEBHOOK_URL_MAX * 4 },
    ),
    keyword: text(z.string().max(20, { error: 'webhookKeywordTooLong' })),
    signSecret: text(z.string().max(100, { error: 'webhookSecretInvalid' }))
      .refine((v) => v === '' || DINGTALK_SECRET.test(v), { error: 'webhookSecretInvalid' })
      .optional(),
  })
  .refine((v) => !v.signSecret || v.kind === 'DINGTALK', {
    error: 'webhookSecretDingtalkOnly',
    path: ['signSecret'],
  });

/** Removing a department's robot. */
export const ZRemoveDepartmentWebhook = z.object({ departmentId: recordId });

/** 催报 for one month of a plan year: every late department, or one of them. */
export const ZSendReportReminders = z.object({
  year: z.coerce.number({ error: 'planYearInvalid' }).int({ error: 'planYearInvalid' }).min(2000).max(2999),
  month: z.coerce.number({ error: 'recordInvalid' }).int({ error: 'recordInvalid' }).min(1).max(12),
  departmentId: recordId.optional(),
});

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && !url.username;
  } catch {
    return false;
  }
}
