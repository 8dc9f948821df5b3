import 'server-only';
import { createHash } from 'node:crypto';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import type { Tx } from '@/lib/server/audit';
import { getRollup, type RollupBasis } from '@/lib/server/dashboard/get-rollup';

/**
 * The shape of PlanYearSnapshot.figures: bump it when the rollup's shape changes, so old snapshots are read as such.
 * 2: the rollup gained `yearOnYear` (同比).
 */
export const SNAPSHOT_VERSION = 2;
const BASES: readonly RollupBasis[] = ['approved', 'submitted'];

/** JSON with its keys sorted at every level, so equal figures always give the same digest. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export const figuresDigest = (figures: unknown) =>
  createHash('sha256').update(canonicalJson(figures), 'utf8').digest('hex');

/**
 * Keeps the year's final rollup (December, both bases) as the close computed it, in the close's transaction: the
 * figures are read after the year's row is locked, so no write to the year lands between them and the close.
 */
export async function writeYearSnapshot(tx: Tx, actor: Actor, planYear: { id: number; year: number }) {
  for (const basis of BASES) {
    // getRollup reads through planYear and $queryRaw only, which a transaction has
    const figures = await getRollup(tx as Db, actor, { year: planYear.year, month: 12, basis });
    if (!figures) continue;
    await tx.planYearSnapshot.create({
      data: {
        planYearId: planYear.id,
        basis,
        month: 12,
        version: SNAPSHOT_VERSION,
        digest: figuresDigest(figures),
        figures: JSON.parse(canonicalJson(figures)) as object,
      },
    });
  }
}
