import { getLocale, getTranslations } from 'next-intl/server';
import { describeYearOnYear } from '@/lib/domain/year-on-year';
import { formatPercent, formatYi } from '@/lib/format';
import type { YearOnYear } from '@/lib/server/dashboard/get-rollup';

/**
 * 同比 beside a 1-N月 completed figure: "同比增长12.4%（上年同期93.44亿元）", "与上年同期持平", or "同比 —" when there
 * is no rate (the previous year is not in Keystone, or completed nothing in those months).
 */
export async function YearOnYearNote({ yoy, testId }: { yoy: YearOnYear | null | undefined; testId: string }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('yearOnYear')]);
  if (!yoy || yoy.percent === null) {
    return (
      <span data-testid={testId} data-percent="">
        {t('none')}
      </span>
    );
  }
  // the direction follows the rounded rate, as the bulletin's clause does
  const d = describeYearOnYear(yoy.percent);
  const tone = d.direction === 'up' ? 'text-emerald-700' : d.direction === 'down' ? 'text-red-700' : '';
  return (
    <span data-testid={testId} data-percent={yoy.percent} className={tone}>
      {t(d.direction, { percent: formatPercent(d.percent, locale) })}
      <span className="text-slate-500">{t('previous', { amount: formatYi(yoy.previousCompleted, locale) })}</span>
    </span>
  );
}
