import type { ForecastInput } from '@/lib/domain/forecast';
import type { Rollup } from '@/lib/server/dashboard/get-rollup';

/** What the year-end forecast and the S-curve are computed from: the plan's monthly split and the months reported. */
export function forecastInputOf(rollup: Rollup, month: number): ForecastInput {
  return {
    plannedByMonth: rollup.monthly.map((m) => m.planned),
    actualByMonth: rollup.monthly.slice(0, month).map((m) => m.actual),
    month,
  };
}
