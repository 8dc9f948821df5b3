/**
 * Valid inputs of the plan indicator actions on a fresh seeded database, for the property test of every action
 * (tests/integration/property-actions.test.ts): an indicator of the bureau's (the widest scope acts there) and an
 * actual awaiting review.
 */
import type { Db } from '@/lib/prisma';
import { indicatorActualOf } from './authorization/indicator-actions';

const bureauId = async (db: Db) => (await db.department.findFirstOrThrow({ where: { kind: 'BUREAU' } })).id;

export const INDICATOR_SEEDS: Record<string, (db: Db) => Promise<unknown>> = {
  'indicator.enterActual': async (db) => {
    const a = await indicatorActualOf(db, await bureauId(db), 24, 'DRAFT');
    return { indicatorId: a.indicatorId, period: 1, version: a.version, value: '39.5', source: '区城市管理局' };
  },
  'indicator.approveActual': async (db) => {
    const a = await indicatorActualOf(db, await bureauId(db), 25, 'SUBMITTED');
    return { actualId: a.actualId, version: a.version };
  },
  'indicator.returnActual': async (db) => {
    const a = await indicatorActualOf(db, await bureauId(db), 25, 'SUBMITTED');
    return { actualId: a.actualId, version: a.version, reason: '请注明统计口径' };
  },
};
