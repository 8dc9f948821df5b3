import { getTranslations } from 'next-intl/server';
import { MonthLinks } from '@/components/navigation/month-links';
import { SwitchLinks } from '@/components/navigation/switch-links';
import type { RollupBasis } from '@/lib/server/dashboard/get-rollup';
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
  return (
    <div className="flex flex-col gap-2 print:hidden">
      <MonthLinks
        through={currentMonth}
        selected={month}
        hrefFor={(m) => href(m, basis)}
        label={t('monthSwitch')}
        optionLabel={(m) => t('throughMonth', { month: m })}
        look="pills"
        testId="dashboard-months"
      />
      {submittedBasis && (
        <SwitchLinks
          label={t('basis.label')}
          current={basis}
          look="pills"
          testId="dashboard-basis"
          links={[
            { key: 'approved', href: href(month, 'approved'), label: t('basis.approved') },
            {
              key: 'submitted',
              href: href(month, 'submitted'),
              label: t('basis.submitted'),
              testId: 'dashboard-basis-submitted',
            },
          ]}
        >
          <span className="text-xs text-slate-500">{t('basis.label')}</span>
        </SwitchLinks>
      )}
      {basis === 'submitted' && (
        <p
          role="note"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="dashboard-basis-note"
        >
          {t('basis.submittedNote')}
        </p>
      )}
    </div>
  );
}
