import Decimal from 'decimal.js';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ReportStatusBadge } from '@/components/reports/report-status-badge';
import { formatPercent, formatWan, MISSING } from '@/lib/format';
import type { ProjectList } from '@/lib/server/projects/list-projects';

/** Share of the annual plan, ×100, or null for a project with no annual investment. */
export function planRate(done: string, annualPlan: string | null): string | null {
  if (annualPlan === null || new Decimal(annualPlan).isZero()) return null;
  return new Decimal(done).div(annualPlan).times(100).toString();
}

export async function ProjectListTable({ list }: { list: ProjectList }) {
  const [locale, t, tStage] = await Promise.all([
    getLocale(),
    getTranslations('projects'),
    getTranslations('enums.stage'),
  ]);

  if (list.items.length === 0) {
    return (
      <Card className="p-8 text-center text-sm text-slate-600" data-testid="project-list-empty">
        {t('empty')}
      </Card>
    );
  }

  return (
    <Card>
      <Table data-testid="project-list">
        <TableHeader>
          <TableRow>
            <TableHead>{t('columns.code')}</TableHead>
            <TableHead>{t('columns.name')}</TableHead>
            <TableHead>{t('columns.department')}</TableHead>
            <TableHead>{t('columns.stage')}</TableHead>
            <TableHead className="text-right">{t('columns.annualPlan')}</TableHead>
            <TableHead className="text-right">{t('columns.ytdApproved')}</TableHead>
            <TableHead className="text-right">{t('columns.rate')}</TableHead>
            <TableHead>{t('columns.currentMonth', { month: list.currentMonth })}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.items.map((p) => {
            const rate = planRate(p.ytdApproved, p.annualPlan);
            return (
              <TableRow key={p.id} data-testid={`project-row-${p.code}`}>
                <TableCell className="font-mono text-xs whitespace-nowrap text-slate-600">{p.code}</TableCell>
                <TableCell className="min-w-56">
                  <Link
                    href={`/projects/${p.id}?year=${list.year}`}
                    className="font-medium text-brand-800 hover:underline"
                  >
                    {p.name}
                  </Link>
                </TableCell>
                <TableCell className="whitespace-nowrap">{p.departmentName}</TableCell>
                <TableCell className="whitespace-nowrap">{tStage(p.stage)}</TableCell>
                <TableCell className="text-right tabular-nums">
                  {p.annualPlan === null ? MISSING : formatWan(p.annualPlan, locale, { unit: false })}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {formatWan(p.ytdApproved, locale, { unit: false })}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {rate === null ? MISSING : formatPercent(rate, locale)}
                </TableCell>
                <TableCell>
                  <ReportStatusBadge status={p.currentMonthStatus} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Card>
  );
}
