'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { DataTable, type DataTableColumn, type DataTableRow } from '@/components/data-table/data-table';
import { Select } from '@/components/forms/controls';
import { Badge } from '@/components/ui/badge';
import { formatWan, MISSING } from '@/lib/format';
import type { CarryOverRow } from '@/lib/server/plan/get-carry-over-proposal';
import { CARRY_OVER_DECISIONS, type CarryOverDecision } from '@/lib/validations/carry-over';

export interface CarryOverTableProps {
  fromYear: number;
  rows: readonly CarryOverRow[];
  decisions: ReadonlyMap<number, CarryOverDecision>;
  selected: ReadonlySet<number>;
  disabled: boolean;
  onDecide(projectId: number, decision: CarryOverDecision): void;
  onToggle(projectId: number, on: boolean): void;
  onSelectAll(on: boolean): void;
}

/** The choices of one project, in the words the bureau reads: the proposal first, then a stage, then dropping it. */
export function DecisionOptions({ proposed }: { proposed?: CarryOverRow['proposal']['stage'] }) {
  const t = useTranslations('carryOver.wizard');
  const tStage = useTranslations('enums.stage');
  return CARRY_OVER_DECISIONS.map((d) => (
    <option key={d} value={d}>
      {d === 'accept'
        ? proposed === undefined
          ? t('decision.accept')
          : t('decision.acceptAs', { stage: proposed === null ? t('notCarried') : tStage(proposed) })
        : d === 'drop'
          ? t('decision.drop')
          : tStage(d)}
    </option>
  ));
}

/** The closed year's projects in the app's one table: facts, proposal and reason, and each project's choice. */
export function CarryOverTable(props: CarryOverTableProps) {
  const { fromYear, rows, decisions, selected, disabled, onDecide, onToggle, onSelectAll } = props;
  const t = useTranslations('carryOver');
  const tStage = useTranslations('enums.stage');
  const locale = useLocale();
  const from = String(fromYear);

  const columns: DataTableColumn[] = [
    {
      id: 'select',
      header: rows.length > 0 && (
        <input
          type="checkbox"
          aria-label={t('wizard.selectAll')}
          checked={rows.every((r) => selected.has(r.projectId))}
          onChange={(e) => onSelectAll(e.target.checked)}
          data-testid="carry-select-all"
        />
      ),
      headerClassName: 'w-8',
    },
    { id: 'project', header: t('wizard.columns.project'), className: 'min-w-56' },
    { id: 'department', header: t('wizard.columns.department'), className: 'min-w-24' },
    { id: 'stage', header: t('wizard.columns.stage', { from }) },
    { id: 'completion', header: t('wizard.columns.completion'), className: 'whitespace-nowrap' },
    { id: 'ready', header: t('wizard.columns.ready') },
    { id: 'proposal', header: t('wizard.columns.proposal'), className: 'min-w-56' },
    { id: 'decision', header: t('wizard.columns.decision') },
    {
      id: 'cumulative',
      header: t('wizard.columns.cumulative', { from }),
      align: 'end',
      className: 'tabular-nums',
      headerClassName: 'min-w-28 whitespace-normal',
    },
  ];

  const tableRows = rows.map((row): DataTableRow => ({
    id: String(row.projectId),
    testId: 'carry-row',
    attrs: { 'data-code': row.code, 'data-reason': row.proposal.reason },
    className: row.proposal.flagged ? 'bg-amber-50' : undefined,
    cells: {
      select: (
        <input
          type="checkbox"
          aria-label={t('wizard.selectRow', { code: row.code })}
          checked={selected.has(row.projectId)}
          onChange={(e) => onToggle(row.projectId, e.target.checked)}
          data-testid="carry-select"
        />
      ),
      project: (
        <>
          <Link href={`/projects/${row.projectId}`} className="font-medium text-brand-800 hover:underline">
            {row.name}
          </Link>
          <div className="font-mono text-xs text-slate-500">{row.code}</div>
        </>
      ),
      department: row.department,
      stage: tStage(row.stage),
      completion: row.actualCompletion ?? MISSING,
      ready: row.stage === 'PRELIMINARY' ? t(row.readyToStart ? 'wizard.yes' : 'wizard.no') : MISSING,
      proposal: (
        <>
          <div className="font-medium">
            {row.proposal.stage === null ? t('wizard.notCarried') : tStage(row.proposal.stage)}
            {row.proposal.flagged && (
              <Badge variant="warning" className="ml-2">
                {t('wizard.flagged')}
              </Badge>
            )}
          </div>
          <div className="text-xs text-slate-600">{t(`reasons.${row.proposal.reason}`)}</div>
        </>
      ),
      decision: (
        <Select
          aria-label={t('wizard.decisionFor', { code: row.code })}
          className="h-9 w-40"
          value={decisions.get(row.projectId) ?? 'accept'}
          disabled={disabled}
          onChange={(e) => onDecide(row.projectId, e.target.value as CarryOverDecision)}
          data-testid="carry-decision"
        >
          <DecisionOptions proposed={row.proposal.stage} />
        </Select>
      ),
      cumulative: formatWan(row.nextCumulative, locale, { unit: false }),
    },
  }));

  return (
    <DataTable
      columns={columns}
      rows={tableRows}
      testId="carry-table"
      empty={t('wizard.noneShown')}
      ariaLabel={t('wizard.title', { from, to: String(fromYear + 1) })}
    />
  );
}
