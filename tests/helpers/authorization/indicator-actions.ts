/**
 * The authorization matrix's rows for the plan indicator actions: the responsible department enters the actuals of
 * its own indicators, the bureau (and the admin) any indicator's; only they approve or return.
 */
import type { Db } from '@/lib/prisma';
import { departmentOf, REVIEWERS, row, type ActionCase, type Fixtures, type Target } from './matrix';

/** The 2025 indicator a department is made responsible for in the matrix: one for "own", another for "other". */
const SEQ_OF: Record<Target, number> = { own: 24, other: 25 };

/** The target department's indicator (made so), with its first period's actual in this state (made so). */
export async function indicatorActualOf(db: Db, departmentId: number, seq: number, status: 'DRAFT' | 'SUBMITTED') {
  const planYear = await db.planYear.findUniqueOrThrow({ where: { year: 2025 } });
  const indicator = await db.indicator.update({
    where: { planYearId_seq: { planYearId: planYear.id, seq } },
    data: { departmentId },
  });
  const actual = await db.indicatorActual.upsert({
    where: { indicatorId_period: { indicatorId: indicator.id, period: 1 } },
    create: { indicatorId: indicator.id, period: 1, value: '40.1', source: '区统计局', status, enteredAt: new Date() },
    update: { status },
  });
  return { indicatorId: indicator.id, actualId: actual.id, version: actual.version };
}

const actualOf = (fx: Fixtures, target: Target, status: 'DRAFT' | 'SUBMITTED') =>
  indicatorActualOf(fx.db, departmentOf(fx, target), SEQ_OF[target], status);

export const INDICATOR_ACTIONS: Record<string, ActionCase> = {
  'indicator.enterActual': {
    scoped: true,
    row: row('-', 'own', 'all', 'all'),
    input: async (fx, target) => {
      const a = await actualOf(fx, target, 'DRAFT');
      return { indicatorId: a.indicatorId, period: 1, version: a.version, value: '39.5', source: '区城市管理局' };
    },
  },
  'indicator.approveActual': {
    scoped: true,
    row: REVIEWERS,
    input: async (fx, target) => {
      const a = await actualOf(fx, target, 'SUBMITTED');
      return { actualId: a.actualId, version: a.version };
    },
  },
  'indicator.returnActual': {
    scoped: true,
    row: REVIEWERS,
    input: async (fx, target) => {
      const a = await actualOf(fx, target, 'SUBMITTED');
      return { actualId: a.actualId, version: a.version, reason: '请注明统计口径' };
    },
  },
};
