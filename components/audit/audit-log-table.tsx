import { getTranslations } from 'next-intl/server';
import { DataTable, type DataTableColumn, type DataTableRow } from '@/components/data-table/data-table';
import { MISSING } from '@/lib/format';
import type { AuditRow } from '@/lib/server/audit/audit-row';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';
import { AuditChanges } from './audit-changes';
import { getAuditLabels } from './audit-labels';

export function AuditActor({
  row,
  system,
}: {
  row: Pick<AuditRow, 'actor' | 'actorDisplayName' | 'actorId'>;
  system: string;
}) {
  if (row.actorId === null && row.actor === 'system') return <span className="text-slate-500">{system}</span>;
  return (
    <span className="whitespace-nowrap">
      {row.actorDisplayName ?? row.actor}
      {row.actorDisplayName && <span className="ml-1 text-xs text-slate-500">({row.actor})</span>}
    </span>
  );
}

/** The audit log, one row per change, with the before → after of every field it touched. */
export async function AuditLogTable({ rows }: { rows: AuditRow[] }) {
  const [t, labels] = await Promise.all([getTranslations('audit'), getAuditLabels()]);
  const columns: DataTableColumn[] = [
    { id: 'time', header: t('columns.time'), className: 'whitespace-nowrap tabular-nums' },
    { id: 'actor', header: t('columns.actor') },
    { id: 'ip', header: t('columns.ip'), className: 'font-mono text-xs whitespace-nowrap' },
    { id: 'action', header: t('columns.action'), className: 'whitespace-nowrap' },
    { id: 'entity', header: t('columns.entity'), className: 'whitespace-nowrap' },
    { id: 'changes', header: t('columns.changes'), className: 'min-w-72' },
  ];
  return (
    <DataTable
      testId="audit-table"
      columns={columns}
      rows={rows.map((row): DataTableRow => ({
        id: String(row.id),
        testId: 'audit-row',
        attrs: { 'data-action': row.action },
        className: '[&>td]:align-top',
        cells: {
          time: formatChongqingTime(row.at),
          actor: <AuditActor row={row} system={t('system')} />,
          ip: row.ip ?? MISSING,
          action: (
            <>
              {labels.action(row.action)}
              <div className="font-mono text-xs text-slate-400">{row.action}</div>
            </>
          ),
          entity: (
            <>
              {labels.entity(row.entity)}
              {row.entityId !== null && <span className="ml-1 font-mono text-xs text-slate-500">#{row.entityId}</span>}
            </>
          ),
          changes: <AuditChanges row={row} labels={labels} />,
        },
      }))}
    />
  );
}
