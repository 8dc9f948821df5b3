import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cn } from '@/lib/utils';

/** The plan years as links (the year lives in the URL), like the plan overview's switch but for any page. */
export async function YearLinks({
  years,
  current,
  hrefFor,
}: {
  years: readonly { year: number }[];
  current: number;
  hrefFor: (year: number) => string;
}) {
  if (years.length < 2) return null;
  const t = await getTranslations('projects');
  return (
    <nav aria-label={t('yearSwitch')} className="flex flex-wrap items-center gap-1 text-sm">
      {years.map(({ year }) => (
        <Link
          key={year}
          href={hrefFor(year)}
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
