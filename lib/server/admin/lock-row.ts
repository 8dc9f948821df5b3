import type { Tx } from '@/lib/server/audit';

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
