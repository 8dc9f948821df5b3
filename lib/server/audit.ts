/**
 * The audit trail. Every mutation writes its row through `writeAudit`, inside the same transaction as the
 * change: a rolled-back change leaves no row, a committed change always has one. The table itself refuses
 * UPDATE, DELETE and TRUNCATE (see the init migration).
 *
 * The rows form a hash chain, set by the database's BEFORE INSERT trigger on every insert, whoever makes it
 * (migration 20261205230000_audit_hash_chain; `npm run audit:verify` walks it). Chaining locks the chain's tip
 * until the transaction commits, so concurrent writers queue there and never fork the chain. Hence write the audit
 * rows as the last writes of a transaction: a transaction that took row locks after its audit could deadlock with
 * one that holds those rows and waits for the tip.
 */
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';

/** A Prisma transaction client (what `$transaction(async (tx) => …)` hands over). */
export type Tx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };
export type AuditRecord = Record<string, AuditValue>;

/** Fields never written to the trail in clear. */
const SECRET_FIELDS = new Set(['passwordHash', 'password', 'tokenHash']);

/** Decimal, Date and BigInt as exact strings, so the trail shows what the database holds. */
export function toAuditValue(value: unknown): AuditValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toAuditValue);
  if (typeof value === 'object') {
    // decimal.js instances (Prisma Decimal) print exactly through toString/toFixed
    if ('toFixed' in value && typeof (value as { toFixed: unknown }).toFixed === 'function' && 'd' in value) {
      return (value as { toString(): string }).toString();
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toAuditValue(v)]));
  }
  return String(value);
}

export function toAuditRecord(row: Record<string, unknown>): AuditRecord {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, SECRET_FIELDS.has(k) ? '[secret]' : toAuditValue(v)]),
  );
}

/**
 * Field-level change: only the fields whose value differs, before and after. Secret fields show that they
 * changed, never their values.
 */
export function diffRecords(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b = toAuditRecord(before);
  const a = toAuditRecord(after);
  const changedBefore: AuditRecord = {};
  const changedAfter: AuditRecord = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (key === 'updatedAt') continue;
    const rawChanged = JSON.stringify(toAuditValue(before[key])) !== JSON.stringify(toAuditValue(after[key]));
    if (!rawChanged) continue;
    changedBefore[key] = SECRET_FIELDS.has(key) ? '[secret]' : (b[key] ?? null);
    changedAfter[key] = SECRET_FIELDS.has(key) ? '[changed]' : (a[key] ?? null);
  }
  return { before: changedBefore, after: changedAfter, changed: Object.keys(changedAfter) };
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: AuditRecord | null;
  after?: AuditRecord | null;
  reason?: string | null;
}

export interface AuditActor {
  actor: Pick<Actor, 'id' | 'username'> | null;
  ip: string | null;
}

/** One audit row: who did it (the system when no one is signed in), from where, and what changed. */
function auditRow(who: AuditActor, entry: AuditEntry) {
  return {
    actorId: who.actor?.id ?? null,
    actor: who.actor?.username ?? 'system',
    ip: who.ip,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ?? undefined,
    after: entry.after ?? undefined,
    reason: entry.reason ?? null,
  };
}

export async function writeAudit(tx: Tx, who: AuditActor, entry: AuditEntry) {
  await tx.auditLog.create({ data: auditRow(who, entry) });
}

/** Rows per INSERT of writeAuditMany: the arrays travel as one parameter each, so this bounds memory, not parameters. */
const AUDIT_CHUNK = 5000;

/**
 * Many entries in a few statements (bulk approval of a district's month, a 10,000-row month sheet): one INSERT …
 * SELECT FROM unnest(…) per AUDIT_CHUNK rows, in the entries' order (WITH ORDINALITY), so the chain trigger links
 * them in that order, exactly as the same writeAudit calls one by one would.
 */
export async function writeAuditMany(tx: Tx, who: AuditActor, entries: readonly AuditEntry[]) {
  for (let i = 0; i < entries.length; i += AUDIT_CHUNK) {
    const rows = entries.slice(i, i + AUDIT_CHUNK).map((entry) => auditRow(who, entry));
    const json = (v: AuditRecord | undefined) => (v === undefined ? null : JSON.stringify(v));
    await tx.$executeRaw`
      INSERT INTO "AuditLog" ("actorId", actor, ip, action, entity, "entityId", before, after, reason)
      SELECT ${who.actor?.id ?? null}::int, ${who.actor?.username ?? 'system'}, ${who.ip}::text,
             u.action, u.entity, u.eid, u.b, u.a, u.reason
        FROM unnest(${rows.map((r) => r.action)}::text[], ${rows.map((r) => r.entity)}::text[],
                    ${rows.map((r) => r.entityId)}::text[], ${rows.map((r) => json(r.before))}::jsonb[],
                    ${rows.map((r) => json(r.after))}::jsonb[], ${rows.map((r) => r.reason)}::text[])
             WITH ORDINALITY AS u(action, entity, eid, b, a, reason, n)
       ORDER BY u.n`;
  }
}
