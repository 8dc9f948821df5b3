import 'server-only';
import type { BulletinStatus } from '@/generated/prisma/enums';
import type { Prisma } from '@/generated/prisma/client';
import { diffRecords, toAuditRecord, type Tx } from '@/lib/server/audit';
import { requirePermission } from '@/lib/server/authorize';
import { now } from '@/lib/server/clock';
import { isUniqueViolation, NotFoundError } from '@/lib/server/errors';
import type { WriteContext } from '@/lib/server/write-context';
import type { BulletinMonthValues, BulletinRefValues, UpdateBulletinValues } from '@/lib/validations/bulletin';
import { bulletinConflict } from './bulletin-conflict';
import { bulletinDraftText } from './draft-text';
import { readBulletinFigures, takeBulletinFigures, type BulletinFigures } from './figures';

export interface BulletinWriteResult {
  id: number;
  year: number;
  month: number;
  version: number;
  status: BulletinStatus;
}

/** The trail records the headline figures, not the whole frozen rollup: the figures themselves stay in the row. */
function figuresSummary(figures: BulletinFigures) {
  return {
    completed: figures.rollup.completed,
    percentOfPlan: figures.rollup.percentOfPlan,
    gapPoints: figures.rollup.gapPoints,
    redProjects: figures.redProjects.length,
  };
}

async function planYearOf(tx: Tx, year: number) {
  const planYear = await tx.planYear.findUnique({
    where: { year },
    select: { id: true, year: true, status: true, currentMonth: true, paceRedPoints: true },
  });
  if (!planYear) throw new NotFoundError('plan year');
  return planYear;
}

/**
 * Locks the bulletin for the rest of the transaction and checks it is the draft the user read: a published one is
 * refused (it never changes), an older version too (someone saved since).
 */
async function lockedDraft(tx: Tx, ref: BulletinRefValues) {
  await tx.$queryRaw`SELECT 1 FROM "Bulletin" WHERE id = ${ref.id} FOR UPDATE`;
  const bulletin = await tx.bulletin.findUnique({
    where: { id: ref.id },
    select: {
      id: true,
      month: true,
      status: true,
      title: true,
      body: true,
      figures: true,
      version: true,
      publishedAt: true,
      planYear: { select: { id: true, year: true, paceRedPoints: true } },
    },
  });
  if (!bulletin) throw new NotFoundError('bulletin');
  if (bulletin.status === 'PUBLISHED')
    throw await bulletinConflict(tx, { kind: 'published', publishedAt: bulletin.publishedAt });
  if (bulletin.version !== ref.version) throw await bulletinConflict(tx, { kind: 'stale', bulletinId: bulletin.id });
  return bulletin;
}

/**
 * Drafts the bulletin of a month from the official rollup (approved reports only), freezing the figures. A month
 * is drafted once its reports are closed (before the plan year's reporting month), and only once.
 */
export async function createBulletinDraft({
  tx,
  actor,
  input,
  audit,
}: WriteContext<BulletinMonthValues>): Promise<BulletinWriteResult> {
  requirePermission(actor, 'bulletin.manage');
  const planYear = await planYearOf(tx, input.year);
  if (planYear.status !== 'CLOSED' && input.month >= planYear.currentMonth) {
    throw await bulletinConflict(tx, {
      kind: 'notClosed',
      year: planYear.year,
      month: input.month,
      currentMonth: planYear.currentMonth,
    });
  }
  const existing = await tx.bulletin.findUnique({
    where: { planYearId_month: { planYearId: planYear.id, month: input.month } },
    select: { id: true },
  });
  if (existing) throw await bulletinConflict(tx, { kind: 'exists', year: planYear.year, month: input.month });

  const figures = await takeBulletinFigures(tx, actor, planYear, input.month);
  if (!figures) throw new NotFoundError('plan year');
  const { title, body } = bulletinDraftText(figures);
  const created = await tx.bulletin
    .create({
      data: {
        planYearId: planYear.id,
        month: input.month,
        title,
        body,
        figures: figures as unknown as Prisma.InputJsonValue,
      },
      select: { id: true, version: true, status: true },
    })
    .catch(async (error: unknown) => {
      // another reviewer drafted the same month between our check and our insert
      if (isUniqueViolation(error)) {
        throw await bulletinConflict(tx, { kind: 'exists', year: planYear.year, month: input.month });
      }
      throw error;
    });
  await audit({
    action: 'bulletin.create',
    entity: 'Bulletin',
    entityId: created.id,
    before: null,
    after: toAuditRecord({
      year: planYear.year,
      month: input.month,
      status: created.status,
      title,
      body,
      ...figuresSummary(figures),
    }),
  });
  return { id: created.id, year: planYear.year, month: input.month, version: created.version, status: created.status };
}

/** "重新生成": the draft's figures and text taken afresh from the reports approved by now; edits to the text are replaced. */
export async function regenerateBulletin({
  tx,
  actor,
  input,
  audit,
}: WriteContext<BulletinRefValues>): Promise<BulletinWriteResult> {
  requirePermission(actor, 'bulletin.manage');
  const before = await lockedDraft(tx, input);
  const figures = await takeBulletinFigures(tx, actor, before.planYear, before.month);
  if (!figures) throw new NotFoundError('plan year');
  const { title, body } = bulletinDraftText(figures);
  const after = await tx.bulletin.update({
    where: { id: before.id },
    data: { title, body, figures: figures as unknown as Prisma.InputJsonValue, version: { increment: 1 } },
    select: { id: true, version: true, status: true },
  });
  const old = readBulletinFigures(before.figures);
  const diff = diffRecords(
    { title: before.title, body: before.body, ...(old ? figuresSummary(old) : {}) },
    { title, body, ...figuresSummary(figures) },
  );
  await audit({
    action: 'bulletin.regenerate',
    entity: 'Bulletin',
    entityId: before.id,
    before: diff.before,
    after: diff.after,
  });
  return resultOf(before, after);
}

/** The bureau's edit of the title and text; the figures stay as frozen. */
export async function updateBulletin({
  tx,
  actor,
  input,
  audit,
}: WriteContext<UpdateBulletinValues>): Promise<BulletinWriteResult> {
  requirePermission(actor, 'bulletin.manage');
  const before = await lockedDraft(tx, input);
  const after = await tx.bulletin.update({
    where: { id: before.id },
    data: { title: input.title, body: input.body, version: { increment: 1 } },
    select: { id: true, version: true, status: true },
  });
  const diff = diffRecords({ title: before.title, body: before.body }, { title: input.title, body: input.body });
  await audit({
    action: 'bulletin.update',
    entity: 'Bulletin',
    entityId: before.id,
    before: diff.before,
    after: diff.after,
  });
  return resultOf(before, after);
}

/** Publishes the draft as it stands: from now on every role with rollup.read reads it, and it never changes. */
export async function publishBulletin({
  tx,
  actor,
  input,
  audit,
}: WriteContext<BulletinRefValues>): Promise<BulletinWriteResult> {
  requirePermission(actor, 'bulletin.manage');
  const before = await lockedDraft(tx, input);
  const after = await tx.bulletin.update({
    where: { id: before.id },
    data: { status: 'PUBLISHED', publishedAt: await now(tx), publishedById: actor.id, version: { increment: 1 } },
    select: { id: true, version: true, status: true, publishedAt: true, publishedById: true },
  });
  await audit({
    action: 'bulletin.publish',
    entity: 'Bulletin',
    entityId: before.id,
    before: { status: before.status },
    after: toAuditRecord({ status: after.status, publishedAt: after.publishedAt, publishedById: after.publishedById }),
  });
  return resultOf(before, after);
}

/** What a write of a drafted bulletin answers: the bulletin as it was found, and its new version and status. */
function resultOf(
  before: { planYear: { year: number }; month: number },
  after: Pick<BulletinWriteResult, 'id' | 'version' | 'status'>,
): BulletinWriteResult {
  return {
    id: after.id,
    year: before.planYear.year,
    month: before.month,
    version: after.version,
    status: after.status,
  };
}
