import Decimal from 'decimal.js';
import type * as React from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { describeGap } from '@/lib/domain/pace';
import { forecastYearEnd } from '@/lib/domain/forecast';
import { formatCount, formatPercent, formatYi, MISSING } from '@/lib/format';
import type { Rollup } from '@/lib/server/dashboard/get-rollup';
import { forecastInputOf } from './forecast-input';
import { YearOnYearNote } from './year-on-year-note';

function Figure({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: React.ReactNode;
  testId: string;
}) {
  return (
    <Card className="flex flex-col gap-1 px-5 py-4">
      <h2 className="text-sm text-slate-500">{label}</h2>
      <p className="text-2xl font-semibold tracking-tight text-brand-900 tabular-nums" data-testid={testId}>
        {value}
      </p>
      {hint && <div className="text-xs text-slate-600">{hint}</div>}
    </Card>
  );
}

/** The four headline figures: 1–N月 completed against the plan, % of plan, 序时进度 with the gap, the forecast. */
export async function HeadlineCards({ rollup, month }: { rollup: Rollup; month: number }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('dashboard.headline')]);
  const forecast = forecastYearEnd(forecastInputOf(rollup, month));
  // the gap as the bulletin prints it (rounded once, lib/domain/pace.ts), so the two never differ
  const gap = new Decimal(rollup.annualPlan).isZero() ? null : describeGap(rollup.gapPoints);
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="dashboard-headline">
      <Figure
        label={t('completed', { month })}
        value={formatYi(rollup.completed, locale)}
        testId="headline-completed"
        hint={
          <>
            {t('plan', {
              amount: formatYi(rollup.annualPlan, locale),
              count: formatCount(rollup.projectCount, locale),
            })}
            <br />
            <YearOnYearNote yoy={rollup.yearOnYear} testId="headline-yoy" />
          </>
        }
      />
      <Figure label={t('percent')} value={formatPercent(rollup.percentOfPlan, locale)} testId="headline-percent" />
      <Figure
        label={t('pace', { month })}
        value={formatPercent(rollup.pacePercent, locale)}
        testId="headline-pace"
        hint={gap && <span data-testid="headline-gap">{t(`gap.${gap.direction}`, { points: gap.points })}</span>}
      />
      <Figure
        label={t('forecast')}
        value={formatYi(forecast.forecast, locale)}
        testId="headline-forecast"
        hint={t('forecastPercent', {
          percent: forecast.percentOfPlan === null ? MISSING : formatPercent(forecast.percentOfPlan, locale),
        })}
      />
    </div>
  );
}
