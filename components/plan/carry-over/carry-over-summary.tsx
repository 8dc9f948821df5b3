'use client';

import Decimal from 'decimal.js';
import { useLocale, useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import type { Stage } from '@/generated/prisma/enums';
import { formatWan } from '@/lib/format';

const STAGES: Stage[] = ['ONGOING', 'NEW_START', 'COMPLETION', 'PRELIMINARY'];

/**
 * What the confirmation will write, as the choices stand: the carried projects by their next-year stage, the
 * dropped ones, and the carried cumulative figure summed exactly (the server computes the same figures again).
 */
export function CarryOverSummary({
  fromYear,
  carried,
  total,
}: {
  fromYear: number;
  carried: readonly { stage: Stage; cumulative: string }[];
  total: number;
}) {
  const t = useTranslations('carryOver.wizard');
  const tStage = useTranslations('enums.stage');
  const locale = useLocale();
  const sum = carried.reduce((s, c) => s.plus(c.cumulative), new Decimal(0)).toFixed(2);
  return (
    <Card className="flex flex-col gap-2 p-4" data-testid="carry-summary">
      <h2 className="font-semibold">{t('summary')}</h2>
      <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {STAGES.map((stage) => (
          <li key={stage} data-testid={`carry-count-${stage}`}>
            {t('stageCount', { stage: tStage(stage), count: String(carried.filter((c) => c.stage === stage).length) })}
          </li>
        ))}
        <li data-testid="carry-count-dropped">{t('droppedCount', { count: String(total - carried.length) })}</li>
      </ul>
      <p className="text-sm font-medium" data-testid="carry-total">
        {t('total', { count: String(carried.length), from: String(fromYear), amount: formatWan(sum, locale) })}
      </p>
    </Card>
  );
}
