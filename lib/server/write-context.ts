import type { Actor } from '@/lib/auth/actor';
import { can, type Permission } from '@/lib/auth/permissions';
import { writeAudit, writeAuditMany, type AuditEntry, type Tx } from '@/lib/server/audit';
import { NotFoundError } from '@/lib/server/errors';

/**
 * What every server write takes: the transaction, who acts and from where, the parsed input, the record check of
 * the permission it runs under, and the audit writer bound to that transaction. The action wrapper's context is
 * one (lib/actions/safe-action.ts), so an action hands its own context to the write in lib/server.
 */
export interface WriteContext<I> {
  tx: Tx;
  actor: Actor;
  /** the client address, for the audit trail */
  ip: string | null;
  input: I;
  /**
   * Throws not-found unless the actor's scope of the permission reaches the record. A record of another
   * department is answered exactly like one that does not exist.
   */
  authorize<R extends { departmentId: number }>(record: R | null | undefined, what?: string): asserts record is R;
  audit(entry: AuditEntry): Promise<void>;
  /** many entries in one insert, for bulk writes */
  auditMany(entries: readonly AuditEntry[]): Promise<void>;
}

/** A write context inside `tx`, for the action wrapper and for anything else that writes (scripts, tests). */
export function createWriteContext<I>(
  tx: Tx,
  options: { actor: Actor; ip: string | null; input: I; permission: Permission },
): WriteContext<I> {
  const { actor, ip, input, permission } = options;
  return {
    tx,
    actor,
    ip,
    input,
    authorize(record, what) {
      if (!record || !can(actor, permission, record)) throw new NotFoundError(what);
    },
    audit: (entry) => writeAudit(tx, { actor, ip }, entry),
    auditMany: (entries) => writeAuditMany(tx, { actor, ip }, entries),
  };
}
