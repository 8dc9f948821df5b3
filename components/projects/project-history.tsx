import { getTranslations } from 'next-intl/server';
import { AuditChanges } from '@/components/audit/audit-changes';
import { getAuditLabels } from '@/components/audit/audit-labels';
import { AuditActor } from '@/components/audit/audit-log-table';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';
import type { ProjectHistoryRow } from '@/lib/server/projects/get-project-history';

/** 历史: who changed what on this project, its plans and its reports, with each field's before → after. */
export async function ProjectHistory({ rows }: { rows: ProjectHistoryRow[] }) {
  const [t, tAudit, labels] = await Promise.all([
    getTranslations('projects.detail.history'),
    getTranslations('audit'),
    getAuditLabels(),
  ]);

  function subject(row: ProjectHistoryRow): string {
    const { year, month } = row.context;
    if (row.entity === 'MonthlyReport' && year !== undefined && month !== undefined) {
      return t('subject.report', { year: String(year), month });
    }
    if (row.entity === 'ProjectPlan' && year !== undefined) return t('subject.plan', { year: String(year) });
    if (row.entity === 'Project') return t('subject.project');
    return `${labels.entity(row.entity)} #${row.entityId ?? ''}`;
  }

  return (
    <Card data-testid="project-history">
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{t('description')}</CardDescription>
      </CardHeader>
      {rows.length === 0 ? (
        <p className="px-5 pb-5 text-sm text-slate-600" data-testid="project-history-empty">
          {t('empty')}
        </p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t('columns.time')}</TableHead>
              <TableHead>{t('columns.actor')}</TableHead>
              <TableHead>{t('columns.action')}</TableHead>
              <TableHead>{t('columns.subject')}</TableHead>
              <TableHead>{t('columns.changes')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id} className="align-top" data-testid="history-row" data-action={row.action}>
                <TableCell className="whitespace-nowrap tabular-nums">{formatChongqingTime(row.at)}</TableCell>
                <TableCell>
                  <AuditActor row={row} system={tAudit('system')} />
                </TableCell>
                <TableCell className="whitespace-nowrap">{labels.action(row.action)}</TableCell>
                <TableCell className="whitespace-nowrap">{subject(row)}</TableCell>
                <TableCell className="min-w-72">
                  <AuditChanges row={row} labels={labels} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
