/**
 * Walks the audit trail's hash chain (prisma/migrations/20261205230000_audit_hash_chain) and names the first
 * row that breaks it. Rows are read in batches by chain position, so memory stays bounded however long the
 * trail grows.
 *
 * The canonical content is rebuilt here with its own SQL, not with the database's `audit_log_canonical`
 * function, and hashed in Node: someone who can replace a function in the database must not be able to make a
 * forged row verify. `tests/integration/audit-chain.test.ts` proves the two definitions agree on every kind of
 * row the app writes.
 */
import { createHash } from 'node:crypto';

/** What both a pg.Client and a pool offer; the restore verifies inside its own transaction. */
export interface Queryable {
  query<R extends object>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

export const GENESIS_HASH = '0'.repeat(64);
const BATCH = 1000;

export type ChainBreak =
  | { kind: 'gap'; id: string; seq: string; expectedSeq: string }
  | { kind: 'link'; id: string; seq: string }
  | { kind: 'content'; id: string; seq: string }
  | { kind: 'count'; rows: string; chained: string }
  | { kind: 'tip'; tipSeq: string; lastSeq: string };

export type ChainReport = { ok: true; rows: bigint; tip: string } | { ok: false; rows: bigint; broken: ChainBreak };

interface ChainRow {
  seq: string;
  id: string;
  prevHash: string;
  hash: string;
  canonical: string;
}

export function linkHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash).update(canonical, 'utf8').digest('hex');
}

export async function verifyAuditChain(db: Queryable): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let expected = 1n;
  for (;;) {
    const { rows } = await db.query<ChainRow>(
      `SELECT "chainSeq"::text AS seq, id::text AS id, "prevHash" AS "prevHash", hash,
              jsonb_build_object(
                'seq', "chainSeq", 'id', id, 'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'actorId', "actorId", 'actor', actor, 'ip', ip, 'action', action, 'entity', entity,
                'entityId', "entityId", 'before', before, 'after', after, 'reason', reason
              )::text AS canonical
         FROM "AuditLog" WHERE "chainSeq" >= $1 ORDER BY "chainSeq" LIMIT $2`,
      [expected.toString(), BATCH],
    );
    for (const row of rows) {
      if (BigInt(row.seq) !== expected) {
        return fail(expected - 1n, { kind: 'gap', id: row.id, seq: row.seq, expectedSeq: expected.toString() });
      }
      if (row.prevHash !== prev) return fail(expected - 1n, { kind: 'link', id: row.id, seq: row.seq });
      if (linkHash(prev, row.canonical) !== row.hash) {
        return fail(expected - 1n, { kind: 'content', id: row.id, seq: row.seq });
      }
      prev = row.hash;
      expected += 1n;
    }
    if (rows.length < BATCH) break;
  }
  const chained = expected - 1n;
  const [count] = (await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM "AuditLog"`)).rows;
  if (BigInt(count!.n) !== chained) {
    return fail(chained, { kind: 'count', rows: count!.n, chained: chained.toString() });
  }
  // Rows cut off the end leave a shorter chain that is valid in itself; the tip still names the last row written.
  const [tip] = (
    await db.query<{ seq: string; hash: string }>(`SELECT seq::text AS seq, hash FROM "AuditChainTip" WHERE id = 1`)
  ).rows;
  if (!tip || BigInt(tip.seq) !== chained || tip.hash !== prev) {
    return fail(chained, { kind: 'tip', tipSeq: tip?.seq ?? 'none', lastSeq: chained.toString() });
  }
  return { ok: true, rows: chained, tip: prev };
}

function fail(rows: bigint, broken: ChainBreak): ChainReport {
  return { ok: false, rows, broken };
}

/** One line for an operator: what is wrong and where to look. */
export function describeChainReport(report: ChainReport): string {
  if (report.ok) {
    return `Audit chain intact: ${report.rows} row(s) verified; the tip hash is ${report.tip}.`;
  }
  const b = report.broken;
  const head = `Audit chain BROKEN after ${report.rows} good row(s): `;
  switch (b.kind) {
    case 'gap':
      return `${head}AuditLog row id ${b.id} has chain position ${b.seq} where ${b.expectedSeq} was expected (rows before it were removed).`;
    case 'link':
      return `${head}AuditLog row id ${b.id} (chain position ${b.seq}) does not point at the hash of the row before it (a row was removed or inserted).`;
    case 'content':
      return `${head}AuditLog row id ${b.id} (chain position ${b.seq}) does not match its hash (the row was altered).`;
    case 'count':
      return `${head}the table has ${b.rows} rows but only ${b.chained} are on the chain (rows were added outside it).`;
    case 'tip':
      return `${head}the chain ends at position ${b.lastSeq} but the tip records position ${b.tipSeq} (rows at the end were removed, or the tip was altered).`;
  }
}
