import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import type { SplitProfile } from '@/lib/domain/monthly-split';
import type { Db } from '@/lib/prisma';
import { assertPlanYearOpen } from '@/lib/server/admin/plan-year-lock';
import { lockRow } from '@/lib/server/admin/lock-row';
import { diffRecords, type Tx } from '@/lib/server/audit';
import { requirePermission } from '@/lib/server/authorize';
import { NotFoundError } from '@/lib/server/errors';
import type { WriteContext } from '@/lib/server/write-context';
import type { SplitProfileValues } from '@/lib/validations/project-import';

/**
 * The profile a plan year's imports derive a monthly split from when the file has none (lib/domain/monthly-split.ts).
 * The bureau chooses it, as it owns the plan: the permission is the import's own, project.write.
 */
export interface SplitSetting {
  year: number;
  profile: SplitProfile;
  /** twelve weights as typed, January first (normalised by their sum when a split is derived) */
  weights: string[];
}

const SELECT = { id: true, year: true, splitProfile: true, splitWeights: true } as const;

function settingOf(row: { year: number; splitProfile: SplitProfile; splitWeights: { toString(): string }[] }) {
  // Decimal(8,4) prints "3" for 3.0000 through decimal.js: the weight as the bureau typed it
  return { year: row.year, profile: row.splitProfile, weights: row.splitWeights.map((w) => w.toString()) };
}

/** The setting of each plan year that is still open, for the import page. */
export async function getSplitSettings(db: Db, actor: Actor): Promise<SplitSetting[]> {
  requirePermission(actor, 'project.write');
  const rows = await db.planYear.findMany({
    where: { status: { not: 'CLOSED' } },
    select: SELECT,
    orderBy: { year: 'desc' },
  });
  return rows.map(settingOf);
}

/** The setting an import of `planYearId` derives with, read in the import's transaction. */
export async function loadSplitSetting(tx: Tx, planYearId: number): Promise<SplitSetting> {
  const row = await tx.planYear.findUnique({ where: { id: planYearId }, select: SELECT });
  if (!row) throw new NotFoundError('plan year');
  return settingOf(row);
}

/**
 * Sets a year's profile and weights, audited (planYear.splitProfile, before and after). It changes no stored
 * split: the next import of a file without months derives with it, and re-derives the splits an import derived
 * before (a split someone typed or edited is never replaced while it still adds up to the plan).
 */
export async function updateSplitProfile(ctx: WriteContext<SplitProfileValues>): Promise<{ changed: boolean }> {
  const { tx, actor, input } = ctx;
  requirePermission(actor, 'project.write');
  const planYear = await tx.planYear.findUnique({ where: { year: input.year }, select: { id: true } });
  if (!planYear) throw new NotFoundError('plan year');
  await lockRow(tx, 'PlanYear', planYear.id);
  await assertPlanYearOpen(tx, planYear.id);
  const before = await loadSplitSetting(tx, planYear.id);
  const after = settingOf(
    await tx.planYear.update({
      where: { id: planYear.id },
      data: { splitProfile: input.profile, splitWeights: input.weights },
      select: SELECT,
    }),
  );
  const diff = diffRecords(
    { profile: before.profile, weights: before.weights.join(' ') },
    { profile: after.profile, weights: after.weights.join(' ') },
  );
  if (diff.changed.length === 0) return { changed: false };
  await ctx.audit({
    action: 'planYear.splitProfile',
    entity: 'PlanYear',
    entityId: planYear.id,
    before: diff.before,
    after: diff.after,
  });
  return { changed: true };
}
