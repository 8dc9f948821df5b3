import { getLocale, getTranslations } from 'next-intl/server';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ReportStatusBadge } from '@/components/reports/report-status-badge';
import { formatWan, MISSING } from '@/lib/format';
import type { ProjectPlanDetail } from '@/lib/server/projects/get-project';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** 分月计划 beside what was reported each month, in 万元. Months after the current one have no report yet. */
export async function MonthlyPlanTable({ plan }: { plan: ProjectPlanDetail }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('projects.detail.monthly')]);
  const planned = new Map(plan.monthlyPlan.map((m) => [m.month, m.amount]));
  const reports = new Map(plan.reports.map((r) => [r.month, r]));
  const wan = (value: string | undefined) => (value === undefined ? MISSING : formatWan(value, locale, { unit: false }));

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{t('description')}</CardDescription>
      </CardHeader>
      <Table data-testid="monthly-plan-table">
        <TableHeader>
          <TableRow>
            <TableHead>{t('month')}</TableHead>
            <TableHead className="text-right">{t('planned')}</TableHead>
            <TableHead className="text-right">{t('reported')}</TableHead>
            <TableHead>{t('status')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {MONTHS.map((month) => {
            const report = reports.get(month);
            const due = month <= plan.currentMonth;
            return (
              <TableRow key={month} data-testid={`monthly-row-${month}`}>
                <TableCell>{t('monthLabel', { month })}</TableCell>
                <TableCell className="text-right tabular-nums" data-testid={`monthly-planned-${month}`}>
                  {wan(planned.get(month))}
                </TableCell>
                <TableCell className="text-right tabular-nums" data-testid={`monthly-reported-${month}`}>
                  {wan(report?.investedThisMonth)}
                </TableCell>
                <TableCell>
                  {report || due ? (
                    <ReportStatusBadge status={report?.status ?? null} testId={`monthly-status-${month}`} />
                  ) : (
                    <span className="text-slate-400">{MISSING}</span>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
          <TableRow className="bg-slate-50 font-medium">
            <TableCell>{t('total')}</TableCell>
            <TableCell className="text-right tabular-nums" data-testid="monthly-planned-total">
              {wan(plan.totals.planned)}
            </TableCell>
            <TableCell className="text-right tabular-nums" data-testid="monthly-reported-total">
              {wan(plan.totals.reported)}
            </TableCell>
            <TableCell className="text-sm font-normal text-slate-600">
              {t('approvedTotal', { amount: formatWan(plan.totals.approved, locale) })}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </Card>
  );
}
