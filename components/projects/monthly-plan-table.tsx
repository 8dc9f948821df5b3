import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/data-table/data-table';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ReportStatusBadge } from '@/components/reports/report-status-badge';
import { formatWan, MISSING } from '@/lib/format';
import type { ProjectPlanDetail } from '@/lib/server/projects/get-project';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** 分月计划 beside what was reported each month, in 万元. Months after the current one have no report yet. */
export async function MonthlyPlanTable({ plan }: { plan: ProjectPlanDetail }) {
  const [locale, t, tSplit] = await Promise.all([
    getLocale(),
    getTranslations('projects.detail.monthly'),
    getTranslations('projectImport.split.profiles'),
  ]);
  const planned = new Map(plan.monthlyPlan.map((m) => [m.month, m.amount]));
  const reports = new Map(plan.reports.map((r) => [r.month, r]));
  const wan = (value: string | undefined) =>
    value === undefined ? MISSING : formatWan(value, locale, { unit: false });

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{t('description')}</CardDescription>
        {plan.monthlySplitDerived ? (
          <p className="text-sm text-amber-800" data-testid="monthly-split-derived">
            {t('derived', { profile: tSplit(plan.monthlySplitDerived) })}
          </p>
        ) : null}
      </CardHeader>
      <DataTable
        testId="monthly-plan-table"
        columns={[
          { id: 'month', header: t('month'), footer: t('total') },
          {
            id: 'planned',
            header: t('planned'),
            align: 'end',
            className: 'tabular-nums',
            footer: <span data-testid="monthly-planned-total">{wan(plan.totals.planned)}</span>,
          },
          {
            id: 'reported',
            header: t('reported'),
            align: 'end',
            className: 'tabular-nums',
            footer: <span data-testid="monthly-reported-total">{wan(plan.totals.reported)}</span>,
          },
          {
            id: 'status',
            header: t('status'),
            footer: (
              <span className="text-sm font-normal whitespace-normal text-slate-600">
                {t('approvedTotal', { amount: formatWan(plan.totals.approved, locale) })}
              </span>
            ),
          },
        ]}
        rows={MONTHS.map((month) => {
          const report = reports.get(month);
          const due = month <= plan.currentMonth;
          return {
            id: String(month),
            testId: `monthly-row-${month}`,
            cells: {
              month: t('monthLabel', { month }),
              planned: <span data-testid={`monthly-planned-${month}`}>{wan(planned.get(month))}</span>,
              reported: <span data-testid={`monthly-reported-${month}`}>{wan(report?.investedThisMonth)}</span>,
              status:
                report || due ? (
                  <ReportStatusBadge status={report?.status ?? null} testId={`monthly-status-${month}`} />
                ) : (
                  <span className="text-slate-400">{MISSING}</span>
                ),
            },
          };
        })}
      />
    </Card>
  );
}
