import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { PlanYearSummary } from '@/lib/server/plan/list-plan-years';
import { cn } from '@/lib/utils';

/** Links rather than a select: the year lives in the URL, so a view can be bookmarked and sent to a colleague. */
export async function YearSwitch({ years, current }: { years: readonly PlanYearSummary[]; current: number }) {
  if (years.length < 2) return null;
  const t = await getTranslations('plan');
  return (
    <nav aria-label={t('yearSwitch')} className="flex flex-wrap items-center gap-1 text-sm">
      {years.map(({ year }) => (
        <Link
          key={year}
          href={`/plan?year=${year}`}
          aria-current={year === current ? 'page' : undefined}
          className={cn(
            'rounded-md px-2.5 py-1 text-slate-600 hover:bg-white hover:text-brand-700',
            year === current && 'bg-white font-medium text-brand-800 shadow-sm ring-1 ring-slate-200',
          )}
        >
          {t('yearOption', { year: String(year) })}
        </Link>
      ))}
    </nav>
  );
}
