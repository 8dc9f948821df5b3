import { getTranslations } from 'next-intl/server';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { MISSING } from '@/lib/format';
import type { AuditRow } from '@/lib/server/audit/audit-row';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';
import { AuditChanges } from './audit-changes';
import { getAuditLabels } from './audit-labels';

export function AuditActor({ row, system }: { row: Pick<AuditRow, 'actor' | 'actorDisplayName' | 'actorId'>; system: string }) {
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
  return (
    <Table data-testid="audit-table">
      <TableHeader>
        <TableRow>
          <TableHead>{t('columns.time')}</TableHead>
          <TableHead>{t('columns.actor')}</TableHead>
          <TableHead>{t('columns.ip')}</TableHead>
          <TableHead>{t('columns.action')}</TableHead>
          <TableHead>{t('columns.entity')}</TableHead>
          <TableHead>{t('columns.changes')}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} className="align-top" data-testid="audit-row" data-action={row.action}>
            <TableCell className="whitespace-nowrap tabular-nums">{formatChongqingTime(row.at)}</TableCell>
            <TableCell>
              <AuditActor row={row} system={t('system')} />
            </TableCell>
            <TableCell className="font-mono text-xs whitespace-nowrap">{row.ip ?? MISSING}</TableCell>
            <TableCell className="whitespace-nowrap">
              {labels.action(row.action)}
              <div className="font-mono text-xs text-slate-400">{row.action}</div>
            </TableCell>
            <TableCell className="whitespace-nowrap">
              {labels.entity(row.entity)}
              {row.entityId !== null && <span className="ml-1 font-mono text-xs text-slate-500">#{row.entityId}</span>}
            </TableCell>
            <TableCell className="min-w-72">
              <AuditChanges row={row} labels={labels} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
