import { z } from 'zod';
import { isDateOnly } from '@/lib/domain/date-only';
import { RECORD_ID_MAX } from './record-id';
import { text, TEXT_INVALID_CHARACTERS, TEXT_TOO_LONG } from './text';

/**
 * The audit viewer's filters, read from the URL (GET form), so a filtered view can be bookmarked and sent on.
 * Messages are keys under `validation` in messages/*.json.
 */
export const AUDIT_MESSAGES = {
  auditPersonTooLong: 'auditPersonTooLong',
  auditDepartmentInvalid: 'auditDepartmentInvalid',
  auditEntityInvalid: 'auditEntityInvalid',
  auditActionInvalid: 'auditActionInvalid',
  auditDateInvalid: 'auditDateInvalid',
  auditDateRange: 'auditDateRange',
  auditPageInvalid: 'auditPageInvalid',
  [TEXT_INVALID_CHARACTERS]: TEXT_INVALID_CHARACTERS,
  [TEXT_TOO_LONG]: TEXT_TOO_LONG,
} as const;

export type AuditMessageKey = keyof typeof AUDIT_MESSAGES;

export function isAuditMessageKey(value: unknown): value is AuditMessageKey {
  return typeof value === 'string' && Object.hasOwn(AUDIT_MESSAGES, value);
}

/** A URL parameter: the first of repeated values; an empty field of a submitted form counts as absent. */
function param<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first !== 'string') return first;
    const trimmed = first.trim();
    return trimmed === '' ? undefined : trimmed;
  }, schema.optional());
}

const day = z.string({ error: 'auditDateInvalid' }).refine(isDateOnly, { error: 'auditDateInvalid' });

export const ZAuditLogFilter = z
  .object({
    /** a username, a user id, or part of a display name */
    person: param(text(z.string().max(64, { error: 'auditPersonTooLong' }))),
    department: param(
      z.coerce
        .number({ error: 'auditDepartmentInvalid' })
        .int({ error: 'auditDepartmentInvalid' })
        .positive({ error: 'auditDepartmentInvalid' })
        .max(RECORD_ID_MAX, { error: 'auditDepartmentInvalid' }),
    ),
    entity: param(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, { error: 'auditEntityInvalid' })),
    action: param(z.string().regex(/^[A-Za-z][A-Za-z0-9._-]{0,63}$/, { error: 'auditActionInvalid' })),
    /** calendar days in Chongqing, inclusive */
    from: param(day),
    to: param(day),
    page: param(
      z.coerce
        .number({ error: 'auditPageInvalid' })
        .int({ error: 'auditPageInvalid' })
        .min(1, { error: 'auditPageInvalid' })
        .max(100_000, { error: 'auditPageInvalid' }),
    ),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], error: 'auditDateRange' });

export type AuditLogFilter = z.output<typeof ZAuditLogFilter>;
