import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/data-table/data-table';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatPercent, formatWan, MISSING } from '@/lib/format';
import type { Rollup, RollupBasis } from '@/lib/server/dashboard/get-rollup';
import { dashboardHref } from '@/lib/validations/dashboard-params';
import { DepartmentBars } from './department-bars';

/** Departments ranked by % of plan, with on-time reporting; each line opens the department's drill-down. */
export async function DepartmentCard({
  rollup,
  state,
}: {
  rollup: Rollup;
  state: { year: number; month: number; basis: RollupBasis };
}) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('dashboard')]);
  const pct = (p: string | null) => (p === null ? MISSING : formatPercent(p, locale));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('departments.title')}</CardTitle>
        <CardDescription>{t('departments.description')}</CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <DepartmentBars
          rows={rollup.byDepartment.map((d) => ({ label: d.label, percent: d.percent }))}
          pace={rollup.pacePercent}
        />
        <DataTable
          testId="cut-department"
          ariaLabel={t('departments.title')}
          columns={[
            { id: 'rank', header: t('departments.rank'), align: 'end', className: 'tabular-nums' },
            { id: 'name', header: t('cuts.department'), rowHeader: true },
            { id: 'completed', header: t('cuts.completed'), align: 'end', className: 'tabular-nums' },
            { id: 'percent', header: t('cuts.percent'), align: 'end', className: 'tabular-nums' },
            { id: 'onTime', header: t('departments.onTime'), align: 'end', className: 'tabular-nums' },
          ]}
          rows={rollup.byDepartment.map((d, i) => ({
            id: String(d.key),
            attrs: { 'data-department': d.label },
            cells: {
              rank: i + 1,
              name: (
                <Link
                  href={dashboardHref(`/dashboard/departments/${d.key}`, state)}
                  className="text-brand-800 hover:underline"
                  data-testid="department-link"
                >
                  {d.label}
                </Link>
              ),
              completed: (
                <span data-testid="department-completed">{formatWan(d.completed, locale, { unit: false })}</span>
              ),
              percent: pct(d.percent),
              onTime: pct(d.onTimePercent),
            },
          }))}
        />
      </CardContent>
    </Card>
  );
}
