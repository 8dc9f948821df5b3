import 'server-only';
import type { IndicatorFrequency, IndicatorJudgement, IndicatorNature, ReportStatus } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import { can, scopeOf } from '@/lib/auth/permissions';
import { indicatorStatus, type IndicatorStatus } from '@/lib/domain/indicators/status';
import { parseTarget, type TargetComparison } from '@/lib/domain/indicators/target';
import type { Db } from '@/lib/prisma';
import { ForbiddenError } from '@/lib/server/errors';

export interface IndicatorActualView {
  id: number;
  period: number;
  value: string;
  note: string;
  source: string;
  status: ReportStatus;
  judgement: IndicatorJudgement | null;
  reviewComment: string | null;
  version: number;
  enteredBy: string | null;
  enteredAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export interface IndicatorRow {
  id: number;
  seq: number;
  category: string;
  name: string;
  unit: string;
  nature: IndicatorNature;
  targetText: string;
  /** the target read as a comparison; null: the bureau judges the actuals */
  comparison: TargetComparison | null;
  previousOutcome: string;
  frequency: IndicatorFrequency;
  cumulative: boolean;
  department: { id: number; name: string };
  /** the latest approved actual (the official one), by period */
  latestApproved: IndicatorActualView | null;
  status: IndicatorStatus;
  /** may the actor enter actuals for it, and review them */
  canReport: boolean;
  canReview: boolean;
  /**
   * Every actual of the year, latest period first: the approved ones for everyone, the unapproved ones (drafts,
   * submitted, returned) only for those who may enter or review them.
   */
  actuals: IndicatorActualView[];
}

export interface IndicatorYear {
  year: number;
  status: 'DRAFT' | 'ACTIVE' | 'CLOSED';
  currentMonth: number;
  indicators: IndicatorRow[];
}

const ACTUAL_SELECT = {
  id: true,
  period: true,
  value: true,
  note: true,
  source: true,
  status: true,
  judgement: true,
  reviewComment: true,
  version: true,
  enteredAt: true,
  reviewedAt: true,
  enteredBy: { select: { displayName: true } },
  reviewedBy: { select: { displayName: true } },
} as const;

/**
 * The year's indicators (附件2) with their approved actuals and status, for the page, the dashboard panel and the
 * API; one indicator with `indicatorId`. Null when the plan year (or the indicator in it) does not exist.
 */
export async function listIndicators(
  db: Db,
  actor: Actor,
  options: { year: number; indicatorId?: number },
): Promise<IndicatorYear | null> {
  if (scopeOf(actor, 'indicator.read') === 'none') throw new ForbiddenError();
  const planYear = await db.planYear.findUnique({
    where: { year: options.year },
    select: { id: true, year: true, status: true, currentMonth: true },
  });
  if (!planYear) return null;
  const rows = await db.indicator.findMany({
    where: { planYearId: planYear.id, ...(options.indicatorId ? { id: options.indicatorId } : {}) },
    orderBy: { seq: 'asc' },
    include: {
      department: { select: { id: true, name: true } },
      actuals: { select: ACTUAL_SELECT, orderBy: { period: 'desc' } },
    },
  });
  if (options.indicatorId && rows.length === 0) return null;
  const indicators = rows.map((row): IndicatorRow => {
    const record = { departmentId: row.departmentId };
    const canReport = can(actor, 'indicator.report', record);
    const canReview = can(actor, 'indicator.review', record);
    const actuals = row.actuals
      .filter((a) => a.status === 'APPROVED' || canReport || canReview)
      .map((a) => ({
        id: a.id,
        period: a.period,
        value: a.value,
        note: a.note,
        source: a.source,
        status: a.status,
        judgement: a.judgement,
        reviewComment: a.reviewComment,
        version: a.version,
        enteredBy: a.enteredBy?.displayName ?? null,
        enteredAt: a.enteredAt.toISOString(),
        reviewedBy: a.reviewedBy?.displayName ?? null,
        reviewedAt: a.reviewedAt?.toISOString() ?? null,
      }));
    const latestApproved = actuals.find((a) => a.status === 'APPROVED') ?? null;
    const comparison = parseTarget(row.targetText);
    return {
      id: row.id,
      seq: row.seq,
      category: row.category,
      name: row.name,
      unit: row.unit,
      nature: row.nature,
      targetText: row.targetText,
      comparison,
      previousOutcome: row.previousOutcome,
      frequency: row.frequency,
      cumulative: row.cumulative,
      department: row.department,
      latestApproved,
      status: indicatorStatus(
        { nature: row.nature, frequency: row.frequency, cumulative: row.cumulative, comparison },
        latestApproved,
      ),
      canReport,
      canReview,
      actuals,
    };
  });
  return { year: planYear.year, status: planYear.status, currentMonth: planYear.currentMonth, indicators };
}
