import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { listIndicators } from '@/lib/server/indicators/list-indicators';
import type { ApiIndicatorList } from './indicator-schemas';

/** The year's indicators, built by the function the indicator page uses; null when the plan year does not exist. */
export async function indicatorListResource(db: Db, actor: Actor, year: number): Promise<ApiIndicatorList | null> {
  const list = await listIndicators(db, actor, { year });
  if (!list) return null;
  const counts = { MET: 0, NEAR: 0, OFF: 0, NO_DATA: 0, TO_JUDGE: 0 };
  const data = list.indicators.map((i) => {
    counts[i.status] += 1;
    const a = i.latestApproved;
    return {
      seq: i.seq,
      category: i.category,
      name: i.name,
      unit: i.unit,
      nature: i.nature,
      target: i.targetText,
      comparison: i.comparison,
      previousOutcome: i.previousOutcome,
      department: i.department.name,
      frequency: i.frequency,
      cumulative: i.cumulative,
      latest: a && { period: a.period, value: a.value, source: a.source, note: a.note, judgement: a.judgement },
      status: i.status,
    };
  });
  return { year: list.year, data, counts };
}
