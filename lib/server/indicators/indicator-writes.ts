import 'server-only';
import type { IndicatorJudgement, ReportStatus } from '@/generated/prisma/enums';
import { PERIODS_PER_YEAR } from '@/lib/domain/indicators/status';
import { parseActualNumber, parseTarget } from '@/lib/domain/indicators/target';
import { assertPlanYearOpen } from '@/lib/server/admin/plan-year-lock';
import { now } from '@/lib/server/clock';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/server/errors';
import type { WriteContext } from '@/lib/server/write-context';
import type { z } from 'zod';
import type {
  ZApproveIndicatorActual,
  ZEnterIndicatorActual,
  ZReturnIndicatorActual,
} from '@/lib/validations/indicator';

/**
 * Writing plan indicator actuals: the responsible department (or the bureau) enters a period's actual as a draft or
 * submits it; the bureau approves or returns it, as it does monthly reports (DRAFT → SUBMITTED → APPROVED, or
 * RETURNED → fixed → SUBMITTED). Every write names the version it read, checks the plan year is open and is
 * audited in the same transaction (the action wrapper's).
 */

export interface IndicatorActualResult {
  actualId: number;
  status: ReportStatus;
  version: number;
}

const EDITABLE: readonly ReportStatus[] = ['DRAFT', 'RETURNED'];

const snapshot = (a: { value: string; source: string; note: string; status: ReportStatus; period: number }) => ({
  period: a.period,
  value: a.value,
  source: a.source,
  note: a.note,
  status: a.status,
});

export async function enterIndicatorActual(
  ctx: WriteContext<z.output<typeof ZEnterIndicatorActual>>,
): Promise<IndicatorActualResult> {
  const { tx, input, actor } = ctx;
  const indicator = await tx.indicator.findUnique({
    where: { id: input.indicatorId },
    select: { id: true, departmentId: true, planYearId: true, frequency: true, targetText: true, name: true },
  });
  ctx.authorize(indicator, 'indicator');
  await assertPlanYearOpen(tx, indicator.planYearId);
  if (input.period > PERIODS_PER_YEAR[indicator.frequency]) {
    throw new ValidationError({ period: ['indicatorPeriodInvalid'] });
  }
  // a target that is a comparison needs a figure to compare with; a text target takes the reading as given
  if (parseTarget(indicator.targetText) && parseActualNumber(input.value) === null) {
    throw new ValidationError({ value: ['indicatorValueNotNumber'] });
  }
  const value = parseActualNumber(input.value) ?? input.value;
  const at = await now(tx);
  const status: ReportStatus = input.submit ? 'SUBMITTED' : 'DRAFT';
  const fields = {
    value,
    source: input.source,
    note: input.note,
    status,
    enteredById: actor.id,
    enteredAt: at,
    ...(input.submit ? { submittedById: actor.id, submittedAt: at } : {}),
  };
  const before = await tx.indicatorActual.findUnique({
    where: { indicatorId_period: { indicatorId: indicator.id, period: input.period } },
  });
  if (before && before.version !== input.version) throw new ConflictError('indicators.errors.staleVersion');
  if (!before && input.version !== 0) throw new ConflictError('indicators.errors.staleVersion');
  if (before && !EDITABLE.includes(before.status)) {
    throw new ConflictError('indicators.errors.notEditable', { status: before.status });
  }
  const after = before
    ? await tx.indicatorActual.update({
        where: { id: before.id, version: before.version },
        data: { ...fields, reviewComment: null, version: { increment: 1 } },
      })
    : await tx.indicatorActual.create({ data: { ...fields, indicatorId: indicator.id, period: input.period } });
  await ctx.audit({
    action: input.submit ? 'indicator.submitActual' : 'indicator.saveActual',
    entity: 'IndicatorActual',
    entityId: after.id,
    before: before ? snapshot(before) : null,
    after: { indicator: indicator.name, ...snapshot(after) },
  });
  return { actualId: after.id, status: after.status, version: after.version };
}

/** The submitted actual the bureau acts on, with what approving it needs to know. */
async function submittedActual(ctx: WriteContext<{ actualId: number; version: number }>) {
  const actual = await ctx.tx.indicatorActual.findUnique({
    where: { id: ctx.input.actualId },
    include: { indicator: { select: { departmentId: true, planYearId: true, targetText: true, name: true } } },
  });
  if (!actual) throw new NotFoundError('indicator actual');
  ctx.authorize({ departmentId: actual.indicator.departmentId }, 'indicator actual');
  await assertPlanYearOpen(ctx.tx, actual.indicator.planYearId);
  if (actual.version !== ctx.input.version) throw new ConflictError('indicators.errors.staleVersion');
  if (actual.status !== 'SUBMITTED') {
    throw new ConflictError('indicators.errors.notSubmitted', { status: actual.status });
  }
  return actual;
}

export async function approveIndicatorActual(
  ctx: WriteContext<z.output<typeof ZApproveIndicatorActual>>,
): Promise<IndicatorActualResult> {
  const actual = await submittedActual(ctx);
  const comparable = parseTarget(actual.indicator.targetText) !== null && parseActualNumber(actual.value) !== null;
  // the bureau judges exactly the actuals the rules cannot: a verdict elsewhere would be a second, silent rule
  let judgement: IndicatorJudgement | null = null;
  if (!comparable) {
    if (!ctx.input.judgement) throw new ValidationError({ judgement: ['indicatorJudgementRequired'] });
    judgement = ctx.input.judgement;
  }
  const after = await ctx.tx.indicatorActual.update({
    where: { id: actual.id, version: actual.version },
    data: {
      status: 'APPROVED',
      judgement,
      reviewComment: null,
      reviewedById: ctx.actor.id,
      reviewedAt: await now(ctx.tx),
      version: { increment: 1 },
    },
  });
  await ctx.audit({
    action: 'indicator.approveActual',
    entity: 'IndicatorActual',
    entityId: actual.id,
    before: { status: actual.status },
    after: { indicator: actual.indicator.name, status: after.status, judgement },
  });
  return { actualId: after.id, status: after.status, version: after.version };
}

export async function returnIndicatorActual(
  ctx: WriteContext<z.output<typeof ZReturnIndicatorActual>>,
): Promise<IndicatorActualResult> {
  const actual = await submittedActual(ctx);
  const after = await ctx.tx.indicatorActual.update({
    where: { id: actual.id, version: actual.version },
    data: {
      status: 'RETURNED',
      reviewComment: ctx.input.reason,
      reviewedById: ctx.actor.id,
      reviewedAt: await now(ctx.tx),
      version: { increment: 1 },
    },
  });
  await ctx.audit({
    action: 'indicator.returnActual',
    entity: 'IndicatorActual',
    entityId: actual.id,
    before: { status: actual.status },
    after: { indicator: actual.indicator.name, status: after.status },
    reason: ctx.input.reason,
  });
  return { actualId: after.id, status: after.status, version: after.version };
}
