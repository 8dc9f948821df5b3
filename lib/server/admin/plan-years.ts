import 'server-only';
import type { z } from 'zod';
import { requirePermission } from '@/lib/server/authorize';
import { diffRecords, toAuditRecord, type Tx } from '@/lib/server/audit';
import { ConflictError, NotFoundError, ValidationError, isUniqueViolation } from '@/lib/server/errors';
import type { ZClosePlanYear, ZCreatePlanYear, ZPlanYearId, ZUpdatePlanYear } from '@/lib/validations/admin';
import { getYearEndChecklist } from '@/lib/server/plan/get-year-end-checklist';
import { writeYearSnapshot } from '@/lib/server/plan/year-snapshot';
import type { WriteContext } from '@/lib/server/write-context';
import { lockRow } from './lock-row';

const AUDITED_PLAN_YEAR = {
  id: true,
  year: true,
  title: true,
  approvedInvestment: true,
  status: true,
  currentMonth: true,
  reportDeadlineDay: true,
} as const;

/** Any number will do as long as every activation uses the same one. */
const ACTIVATION_LOCK = 20_250_301;

/** Money in the trail as the database shows it, "2478000.00" rather than decimal.js's "2478000". */
function audited<P extends { approvedInvestment: { toFixed(digits: number): string } }>(planYear: P) {
  return { ...planYear, approvedInvestment: planYear.approvedInvestment.toFixed(2) };
}

async function lockedPlanYear(tx: Tx, id: number) {
  await lockRow(tx, 'PlanYear', id);
  const planYear = await tx.planYear.findUnique({ where: { id }, select: AUDITED_PLAN_YEAR });
  if (!planYear) throw new NotFoundError('plan year');
  return audited(planYear);
}

export async function createPlanYear({ tx, actor, input, audit }: WriteContext<z.output<typeof ZCreatePlanYear>>) {
  requirePermission(actor, 'planYear.manage');
  if (await tx.planYear.findUnique({ where: { year: input.year }, select: { id: true } })) {
    throw new ValidationError({ year: ['planYearTaken'] });
  }
  const planYear = await tx.planYear
    .create({
      data: { year: input.year, title: input.title, approvedInvestment: input.approvedInvestment, status: 'DRAFT' },
      select: AUDITED_PLAN_YEAR,
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new ValidationError({ year: ['planYearTaken'] });
      throw error;
    });
  await audit({
    action: 'planYear.create',
    entity: 'PlanYear',
    entityId: planYear.id,
    before: null,
    after: toAuditRecord(audited(planYear)),
  });
  return { id: planYear.id, year: planYear.year };
}

/** Title, approved investment, reporting month and deadline day; a closed year refuses them all. */
export async function updatePlanYear({ tx, actor, input, audit }: WriteContext<z.output<typeof ZUpdatePlanYear>>) {
  requirePermission(actor, 'planYear.manage');
  const before = await lockedPlanYear(tx, input.id);
  if (before.status === 'CLOSED') throw new ConflictError('validation.planYearClosed', { year: String(before.year) });
  const after = await tx.planYear.update({
    where: { id: input.id },
    data: {
      title: input.title,
      approvedInvestment: input.approvedInvestment,
      currentMonth: input.currentMonth,
      reportDeadlineDay: input.reportDeadlineDay,
    },
    select: AUDITED_PLAN_YEAR,
  });
  const diff = diffRecords(before, audited(after));
  if (diff.changed.length === 0) return { id: after.id, year: after.year, changed: false };
  await audit({
    action: 'planYear.update',
    entity: 'PlanYear',
    entityId: after.id,
    before: diff.before,
    after: diff.after,
  });
  return { id: after.id, year: after.year, changed: true };
}

/**
 * DRAFT → ACTIVE. Departments report against the one ACTIVE year, so a second one is refused rather than the
 * first being closed behind the admin's back. The advisory lock makes "is another year active?" and the update
 * one step, so two admins activating two years at once cannot both succeed.
 */
export async function activatePlanYear({ tx, actor, input, audit }: WriteContext<z.output<typeof ZPlanYearId>>) {
  requirePermission(actor, 'planYear.manage');
  await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(${ACTIVATION_LOCK})`;
  const before = await lockedPlanYear(tx, input.id);
  if (before.status === 'CLOSED') throw new ConflictError('validation.planYearClosed', { year: String(before.year) });
  if (before.status !== 'DRAFT') throw new ConflictError('validation.planYearNotDraft', { year: String(before.year) });
  const active = await tx.planYear.findFirst({ where: { status: 'ACTIVE' }, select: { year: true } });
  if (active) throw new ConflictError('validation.planYearAlreadyActive', { year: String(active.year) });

  const after = await tx.planYear.update({
    where: { id: input.id },
    data: { status: 'ACTIVE' },
    select: AUDITED_PLAN_YEAR,
  });
  const diff = diffRecords(before, audited(after));
  await audit({
    action: 'planYear.activate',
    entity: 'PlanYear',
    entityId: after.id,
    before: diff.before,
    after: diff.after,
  });
  return { id: after.id, year: after.year };
}

/**
 * → CLOSED, for good: the year's plans and reports lock (see assertPlanYearOpen). The row lock waits for writes to
 * that year already in flight, which hold a share lock on the same row. The bureau and the administrator close
 * through here alike: the year typed again, and refused while any plan's December report is not approved (the
 * checklist's other open items are warnings the closer has seen). The year's final rollup is kept as it is now.
 */
export async function closePlanYear({ tx, actor, input, audit }: WriteContext<z.output<typeof ZClosePlanYear>>) {
  requirePermission(actor, 'planYear.close');
  const before = await lockedPlanYear(tx, input.id);
  if (before.status === 'CLOSED') throw new ConflictError('validation.planYearClosed', { year: String(before.year) });
  if (input.confirmYear !== before.year) {
    throw new ValidationError({ confirmYear: ['planYearConfirmMismatch'] }, { year: String(before.year) });
  }
  const checklist = (await getYearEndChecklist(tx, actor, { year: before.year }))!;
  if (!checklist.decemberApproved) {
    throw new ConflictError('validation.planYearDecemberNotApproved', {
      year: String(before.year),
      count: String(checklist.decemberOutstanding),
    });
  }
  await writeYearSnapshot(tx, actor, before);
  const after = await tx.planYear.update({
    where: { id: input.id },
    data: { status: 'CLOSED' },
    select: AUDITED_PLAN_YEAR,
  });
  // the year's start warnings go on reading the planned starts it closed with (lib/domain/closed-years.ts)
  await tx.$executeRaw`
    UPDATE "ProjectPlan" pp SET "closedPlannedStart" = p."plannedStart"
      FROM "Project" p WHERE p.id = pp."projectId" AND pp."planYearId" = ${input.id}`;
  const diff = diffRecords(before, audited(after));
  await audit({
    action: 'planYear.close',
    entity: 'PlanYear',
    entityId: after.id,
    before: diff.before,
    after: diff.after,
  });
  return { id: after.id, year: after.year };
}
