import { z } from 'zod';
import { RECORD_ID_MAX } from './record-id';

/** Marking one of one's own notifications read: the id as a form field or a number (messages: validation.*). */
export const ZMarkNotificationRead = z.object({
  id: z.coerce
    .number({ error: 'recordInvalid' })
    .int({ error: 'recordInvalid' })
    .positive({ error: 'recordInvalid' })
    .max(RECORD_ID_MAX, { error: 'recordInvalid' }),
});

/** "Mark all as read" takes nothing; an object so a form post (FormData) parses too. */
export const ZMarkAllNotificationsRead = z.object({}).strip();

/**
 * A notification's message parameters as stored (lib/server/notifications/notify.ts writes them). Stored JSON
 * outlives the code that wrote it, so it is parsed, not trusted.
 */
export const ZNotificationParams = z.object({
  department: z.string().catch(''),
  year: z.number().int().catch(0),
  month: z.number().int().catch(0),
  count: z.number().int().nonnegative().catch(0),
  project: z.string().optional().catch(undefined),
  comment: z.string().optional().catch(undefined),
  /** problems: the problem's number (渝中协〔2025〕27号) */
  number: z.string().optional().catch(undefined),
  /** problems: days to the due date, or past it */
  days: z.number().int().optional().catch(undefined),
});
export type StoredNotificationParams = z.infer<typeof ZNotificationParams>;

/** The page of /notifications, from the URL; anything odd is page 1. */
export const ZNotificationListParams = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
