import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
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
  return (
    <Card>
      <Table aria-label={t('tableLabel')}>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">{t('columns.year')}</TableHead>
            <TableHead scope="col">{t('columns.title')}</TableHead>
            <TableHead scope="col" className="text-right">
              {t('columns.approvedInvestment')}
            </TableHead>
            <TableHead scope="col">{t('columns.status')}</TableHead>
            <TableHead scope="col">{t('columns.currentMonth')}</TableHead>
            <TableHead scope="col">{t('columns.deadline')}</TableHead>
            <TableHead scope="col" className="text-right">
              {t('columns.projects')}
            </TableHead>
            <TableHead scope="col" className="text-right">
              {tc('actions')}
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {planYears.map((planYear) => (
            <TableRow key={planYear.id}>
              <TableCell className="font-medium tabular-nums">{planYear.year}</TableCell>
              <TableCell>{planYear.title}</TableCell>
              <TableCell className="text-right tabular-nums">
                {formatWan(planYear.approvedInvestment, locale, { unit: false })}
              </TableCell>
              <TableCell>
                <Badge variant={STATUS_BADGE[planYear.status]}>{te(planYear.status)}</Badge>
              </TableCell>
              <TableCell className="whitespace-nowrap">{t('monthValue', { month: String(planYear.currentMonth) })}</TableCell>
              <TableCell className="whitespace-nowrap">{t('deadlineValue', { day: String(planYear.reportDeadlineDay) })}</TableCell>
              <TableCell className="text-right tabular-nums">{formatCount(planYear.projectCount, locale)}</TableCell>
              <TableCell>
                <PlanYearRowActions planYear={planYear} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
