import type { Actor } from '@/lib/auth/actor';
import type { AuditEntry, Tx } from '@/lib/server/audit';

/**
 * What an administration write needs: the transaction, who acts, the audit writer bound to that transaction, and
 * the parsed input. The action wrapper's context has exactly this shape, so an action passes its own along.
 */
export interface AdminWrite<I> {
  tx: Tx;
  actor: Actor;
  input: I;
  audit(entry: AuditEntry): Promise<void>;
}

/**
 * Locks the row for the rest of the transaction, so the "before" written to the audit trail is the state the
 * change really replaced, and two admins editing one record take turns.
 */
export async function lockRow(tx: Tx, table: 'User' | 'Department' | 'PlanYear', id: number): Promise<boolean> {
  const rows =
    table === 'User'
      ? await tx.$queryRaw<unknown[]>`SELECT 1 FROM "User" WHERE id = ${id} FOR UPDATE`
      : table === 'Department'
        ? await tx.$queryRaw<unknown[]>`SELECT 1 FROM "Department" WHERE id = ${id} FOR UPDATE`
        : await tx.$queryRaw<unknown[]>`SELECT 1 FROM "PlanYear" WHERE id = ${id} FOR UPDATE`;
  return rows.length > 0;
}

/** A unique index refused the row: another admin created the same name between our check and our insert. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}
