import type { getTranslations } from 'next-intl/server';
import type { IndicatorFrequency } from '@/generated/prisma/enums';
import { Badge, type BadgeProps } from '@/components/ui/badge';
import { periodKind, type IndicatorStatus } from '@/lib/domain/indicators/status';
import { aboutFloor, type TargetComparison } from '@/lib/domain/indicators/target';

/** The `indicators` namespace's translator, as the server components get it. */
export type IndicatorT = Awaited<ReturnType<typeof getTranslations<'indicators'>>>;

/** The target's reading in words: "不低于 240", "6左右：不低于 5.7 即为达到", or "judged by the bureau". */
export function readingText(t: IndicatorT, comparison: TargetComparison | null): string {
  if (!comparison) return t('reading.none');
  const { op, value, upper } = comparison;
  if (op === 'about') return t('reading.about', { value, floor: trim(aboutFloor(value)) });
  if (op === 'between') return t('reading.between', { value, upper: upper ?? '' });
  return t(`reading.${op}`, { value });
}

/** "1—10月", "前3季度", "全年". */
export function periodText(t: IndicatorT, frequency: IndicatorFrequency, period: number): string {
  return t(`period.${periodKind(frequency)}`, { period: String(period) });
}

const VARIANT: Record<IndicatorStatus, NonNullable<BadgeProps['variant']>> = {
  MET: 'success',
  NEAR: 'warning',
  OFF: 'danger',
  NO_DATA: 'neutral',
  TO_JUDGE: 'brand',
};

/** The status in words and colour; the words carry the meaning, the colour only repeats it. */
export function StatusBadge({ t, status }: { t: IndicatorT; status: IndicatorStatus }) {
  return (
    <Badge variant={VARIANT[status]} data-testid="indicator-status" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** 5.700 → 5.7: a floor computed from the target prints like the target. */
function trim(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}
