import { getTranslations } from 'next-intl/server';
import { AuditChanges } from '@/components/audit/audit-changes';
import { getAuditLabels } from '@/components/audit/audit-labels';
import { AuditActor } from '@/components/audit/audit-log-table';
import { DataTable } from '@/components/data-table/data-table';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
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
        <DataTable
          testId="project-history-table"
          columns={[
            { id: 'time', header: t('columns.time'), className: 'whitespace-nowrap tabular-nums' },
            { id: 'actor', header: t('columns.actor') },
            { id: 'action', header: t('columns.action'), className: 'whitespace-nowrap' },
            { id: 'subject', header: t('columns.subject'), className: 'whitespace-nowrap' },
            { id: 'changes', header: t('columns.changes'), className: 'min-w-72' },
          ]}
          rows={rows.map((row) => ({
            id: String(row.id),
            testId: 'history-row',
            attrs: { 'data-action': row.action },
            className: '[&>td]:align-top',
            cells: {
              time: formatChongqingTime(row.at),
              actor: <AuditActor row={row} system={tAudit('system')} />,
              action: labels.action(row.action),
              subject: subject(row),
              changes: <AuditChanges row={row} labels={labels} />,
            },
          }))}
        />
      )}
    </Card>
  );
}
