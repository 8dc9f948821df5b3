import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable, type DataTableColumn, type DataTableRow } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { PlanYearStatus } from '@/generated/prisma/enums';
import { formatCount, formatWan } from '@/lib/format';
import type { AdminPlanYearRow } from '@/lib/server/admin/list-plan-years';
import { PlanYearRowActions } from './plan-year-forms';

const STATUS_BADGE: Record<PlanYearStatus, 'brand' | 'neutral' | 'warning'> = {
  DRAFT: 'warning',
  ACTIVE: 'brand',
  CLOSED: 'neutral',
};

export async function PlanYearsTable({ planYears }: { planYears: readonly AdminPlanYearRow[] }) {
  const [t, tc, te, locale] = await Promise.all([
    getTranslations('admin.planYears'),
    getTranslations('admin.common'),
    getTranslations('enums.planYearStatus'),
    getLocale(),
  ]);
  if (planYears.length === 0) {
    return <Card className="p-8 text-center text-sm text-slate-600">{t('empty')}</Card>;
  }
  const columns: DataTableColumn[] = [
    { id: 'year', header: t('columns.year'), className: 'font-medium tabular-nums' },
    { id: 'title', header: t('columns.title') },
    { id: 'approvedInvestment', header: t('columns.approvedInvestment'), align: 'end', className: 'tabular-nums' },
    { id: 'status', header: t('columns.status') },
    { id: 'currentMonth', header: t('columns.currentMonth'), className: 'whitespace-nowrap' },
    { id: 'deadline', header: t('columns.deadline'), className: 'whitespace-nowrap' },
    { id: 'projects', header: t('columns.projects'), align: 'end', className: 'tabular-nums' },
    { id: 'actions', header: tc('actions'), headerClassName: 'text-right' },
  ];
  const rows: DataTableRow[] = planYears.map((planYear) => ({
    id: String(planYear.id),
    cells: {
      year: planYear.year,
      title: planYear.title,
      approvedInvestment: formatWan(planYear.approvedInvestment, locale, { unit: false }),
      status: <Badge variant={STATUS_BADGE[planYear.status]}>{te(planYear.status)}</Badge>,
      currentMonth: t('monthValue', { month: String(planYear.currentMonth) }),
      deadline: t('deadlineValue', { day: String(planYear.reportDeadlineDay) }),
      projects: formatCount(planYear.projectCount, locale),
      actions: <PlanYearRowActions planYear={planYear} />,
    },
  }));
  return (
    <Card>
      <DataTable testId="plan-years-table" ariaLabel={t('tableLabel')} columns={columns} rows={rows} />
    </Card>
  );
}
