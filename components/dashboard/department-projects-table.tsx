import Decimal from 'decimal.js';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { formatCount, formatPercent, formatWan, MISSING } from '@/lib/format';
import type { ProjectFigure } from '@/lib/server/dashboard/get-project-figures';
import type { DepartmentCut } from '@/lib/server/dashboard/get-rollup';

/**
 * A department's projects with the dashboard's figures. The footer shows the department's line beside the sum of
 * the rows as shown, so a reader sees the projects add up to the line (`drill-sum`).
 */
export async function DepartmentProjectsTable({
  projects,
  line,
  year,
}: {
  projects: readonly ProjectFigure[];
  line: DepartmentCut;
  year: number;
}) {
  const [locale, t, tStage] = await Promise.all([
    getLocale(),
    getTranslations('dashboard'),
    getTranslations('enums.stage'),
  ]);
  const pct = (p: string | null) => (p === null ? MISSING : formatPercent(p, locale));
  const sum = projects.reduce((s, p) => s.plus(p.completed), new Decimal(0)).toFixed(2);
  return (
    <DataTable
      testId="drill-projects"
      ariaLabel={t('drill.projects')}
      columns={[
        { id: 'name', header: t('drill.project'), rowHeader: true, footer: t('cuts.total') },
        {
          id: 'stage',
          header: t('drill.stage'),
          className: 'whitespace-nowrap',
          footer: formatCount(projects.length, locale),
        },
        {
          id: 'plan',
          header: t('cuts.annualPlan'),
          align: 'end',
          className: 'tabular-nums',
          footer: formatWan(line.annualPlan, locale, { unit: false }),
        },
        {
          id: 'completed',
          header: t('cuts.completed'),
          align: 'end',
          className: 'tabular-nums',
          footer: <span data-testid="drill-sum">{formatWan(sum, locale, { unit: false })}</span>,
        },
        {
          id: 'percent',
          header: t('cuts.percent'),
          align: 'end',
          className: 'tabular-nums',
          footer: pct(line.percent),
        },
        { id: 'warning', header: t('drill.warning') },
      ]}
      rows={projects.map((p) => ({
        id: String(p.planId),
        testId: 'drill-project',
        attrs: { 'data-project': p.name },
        cells: {
          name: (
            <Link href={`/projects/${p.projectId}?year=${year}`} className="text-brand-800 hover:underline">
              {p.name}
            </Link>
          ),
          stage: tStage(p.stage),
          plan: p.annualPlan === null ? MISSING : formatWan(p.annualPlan, locale, { unit: false }),
          completed: (
            <span data-testid="drill-project-completed">{formatWan(p.completed, locale, { unit: false })}</span>
          ),
          percent: pct(p.percent),
          warning:
            p.level === 'none' ? null : (
              <Badge variant={p.level === 'red' ? 'danger' : 'warning'} title={String(p.warnings.length)}>
                {p.level === 'red' ? '●' : '○'}
              </Badge>
            ),
        },
      }))}
    />
  );
}
