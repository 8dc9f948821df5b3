/**
 * Assertions on what a call wrote: the audit rows it added, and proof that a refused call wrote nothing at all.
 */
import { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/prisma';

/** The newest audit row's id (0 when there is none): pass it to `auditSince` after the call. */
export async function lastAuditId(db: Db): Promise<bigint> {
  return (await db.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0n;
}

/** The audit rows written after `id`, oldest first. */
export async function auditSince(db: Db, id: bigint) {
  return db.auditLog.findMany({ where: { id: { gt: id } }, orderBy: { id: 'asc' } });
}

/**
 * Runs the call and returns its result with the audit rows it wrote, each as the story a reader of the trail
 * sees (who did what to which record, before and after), so a test can compare them whole.
 */
export async function withAudit<R>(db: Db, call: () => Promise<R>) {
  const since = await lastAuditId(db);
  const result = await call();
  const audit = await db.auditLog.findMany({
    where: { id: { gt: since } },
    select: { actor: true, action: true, entity: true, entityId: true, before: true, after: true },
    orderBy: { id: 'asc' },
  });
  return { result, audit };
}

/** The tables a test may name in `digestOf`: the models whose table has the model's name. */
export type TableName = Exclude<Prisma.ModelName, 'RateLimit'>;
const TABLES = new Set<string>(Object.values(Prisma.ModelName).filter((name) => name !== 'RateLimit'));

/**
 * One hash over every row of the named tables: equal before and after a call proves the call changed none of
 * them. Rows are hashed whole and in a fixed order, so any changed column, added or removed row shows.
 */
export async function digestOf(db: Db, tables: readonly TableName[]): Promise<string> {
  const parts = tables.map((table) => {
    if (!TABLES.has(table)) throw new Error(`not a table: ${table}`);
    return Prisma.sql`(SELECT coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '') FROM ${Prisma.raw(`"${table}"`)} x)`;
  });
  const [row] = await db.$queryRaw<{ digest: string }[]>`SELECT md5(concat_ws('|', ${Prisma.join(parts)})) AS digest`;
  return row!.digest;
}
