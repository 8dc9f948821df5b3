import { getTranslations } from 'next-intl/server';
import type { IndicatorStatus } from '@/lib/domain/indicators/status';
import type { IndicatorRow } from '@/lib/server/indicators/list-indicators';
import { StatusBadge } from './indicator-text';

export const STATUS_ORDER: readonly IndicatorStatus[] = ['MET', 'NEAR', 'OFF', 'TO_JUDGE', 'NO_DATA'];

/** How many indicators stand in each status, in words and colour. */
export function countByStatus(indicators: readonly Pick<IndicatorRow, 'status'>[]): Record<IndicatorStatus, number> {
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<IndicatorStatus, number>;
  for (const i of indicators) counts[i.status] += 1;
  return counts;
}

export async function IndicatorSummary({ indicators }: { indicators: readonly IndicatorRow[] }) {
  const t = await getTranslations('indicators');
  const counts = countByStatus(indicators);
  return (
    <ul className="flex flex-wrap gap-3" data-testid="indicator-counts">
      {STATUS_ORDER.map((status) => (
        <li key={status} className="flex items-center gap-1.5 text-sm" data-status={status}>
          <StatusBadge t={t} status={status} />
          <span className="font-semibold tabular-nums">{counts[status]}</span>
        </li>
      ))}
    </ul>
  );
}
