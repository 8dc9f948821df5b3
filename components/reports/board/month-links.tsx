import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { cn } from '@/lib/utils';
import { monthName } from './month-name';

/** Months 1 … the year's reporting month as links: the month lives in the URL like the year. */
export async function MonthLinks({
  year,
  currentMonth,
  selected,
}: {
  year: number;
  currentMonth: number;
  selected: number;
}) {
  const [t, locale] = await Promise.all([getTranslations('board'), getLocale()]);
  const months = Array.from({ length: currentMonth }, (_, i) => i + 1);
  return (
    <nav aria-label={t('monthSwitch')} className="flex flex-wrap items-center gap-1 text-sm" data-testid="board-months">
      {months.map((month) => (
        <Link
          key={month}
          href={`/reports/board?year=${year}&month=${month}`}
          aria-current={month === selected ? 'page' : undefined}
          data-month={month}
          className={cn(
            'rounded-md px-2.5 py-1 text-slate-600 hover:bg-white hover:text-brand-700',
            month === selected && 'bg-white font-medium text-brand-800 shadow-sm ring-1 ring-slate-200',
          )}
        >
          {t('monthOption', { month, monthName: monthName(month, locale) })}
        </Link>
      ))}
    </nav>
  );
}
