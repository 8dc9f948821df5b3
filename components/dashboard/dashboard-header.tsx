import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { RollupBasis } from '@/lib/server/dashboard/get-rollup';
import { cn } from '@/lib/utils';
import { dashboardHref } from '@/lib/validations/dashboard-params';

/** Month links and the basis switch; the official basis is the default, the other is labelled wherever it shows. */
export async function DashboardControls({
  path,
  year,
  month,
  currentMonth,
  basis,
  submittedBasis = true,
}: {
  path: string;
  year: number;
  month: number;
  currentMonth: number;
  basis: RollupBasis;
  /** whether the reader may see the submitted basis here (rollup.readSubmitted); without it, no switch */
  submittedBasis?: boolean;
}) {
  const t = await getTranslations('dashboard');
  const href = (m: number, b: RollupBasis) => dashboardHref(path, { year, month: m, basis: b });
  const pill = (active: boolean) =>
    cn(
      'rounded border px-2 py-1 text-xs',
      active ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50',
    );
  return (
    <div className="flex flex-col gap-2 print:hidden">
      <nav aria-label={t('monthSwitch')} className="flex flex-wrap gap-1" data-testid="dashboard-months">
        {Array.from({ length: currentMonth }, (_, i) => i + 1).map((m) => (
          <Link key={m} href={href(m, basis)} aria-current={m === month ? 'page' : undefined} className={pill(m === month)}>
            {t('throughMonth', { month: m })}
          </Link>
        ))}
      </nav>
      {submittedBasis && (
        <nav aria-label={t('basis.label')} className="flex flex-wrap items-center gap-1" data-testid="dashboard-basis">
          <span className="text-xs text-slate-500">{t('basis.label')}</span>
          <Link href={href(month, 'approved')} aria-current={basis === 'approved' ? 'page' : undefined} className={pill(basis === 'approved')}>
            {t('basis.approved')}
          </Link>
          <Link
            href={href(month, 'submitted')}
            aria-current={basis === 'submitted' ? 'page' : undefined}
            className={pill(basis === 'submitted')}
            data-testid="dashboard-basis-submitted"
          >
            {t('basis.submitted')}
          </Link>
        </nav>
      )}
      {basis === 'submitted' && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="dashboard-basis-note">
          {t('basis.submittedNote')}
        </p>
      )}
    </div>
  );
}
