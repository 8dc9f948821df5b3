import type { AuditRecord, AuditValue } from '@/lib/server/audit';

/** One audit row as the history tab and the audit viewer show it. */
export interface AuditRow {
  /** bigint in the database; a string so it crosses to the client */
  id: string;
  at: Date;
  actorId: number | null;
  /** the username at the time of the change */
  actor: string;
  actorDisplayName: string | null;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: AuditRecord | null;
  after: AuditRecord | null;
  reason: string | null;
}

/** A field that changed: before → after, either side null when the record was created or removed. */
export interface AuditFieldChange {
  field: string;
  before: AuditValue;
  after: AuditValue;
}

function isRecord(value: unknown): value is AuditRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The stored JSON column as a record; a scalar written by older code is kept under "value" rather than lost. */
export function toAuditRecordOrNull(value: unknown): AuditRecord | null {
  if (value === null || value === undefined) return null;
  if (isRecord(value)) return value;
  return { value: value as AuditValue };
}

/** The fields of a row, in the order they were written, each with its before and after value. */
export function fieldChanges(row: Pick<AuditRow, 'before' | 'after'>): AuditFieldChange[] {
  const fields = [...new Set([...Object.keys(row.before ?? {}), ...Object.keys(row.after ?? {})])];
  return fields.map((field) => ({
    field,
    before: row.before?.[field] ?? null,
    after: row.after?.[field] ?? null,
  }));
}
