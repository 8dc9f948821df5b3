'use client';

import { useEffect, useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import Decimal from 'decimal.js';
import { useLocale, useTranslations } from 'next-intl';
import { reportFormDefaults } from '@/components/reports/draft/report-draft-values';
import { useReportDraft, type SavedDraft } from '@/components/reports/draft/use-report-draft';
import { parseMoneyText } from '@/lib/domain/money-text';
import { formatWan } from '@/lib/format';
import type { AttachmentSummary } from '@/lib/server/attachments/attachment-summary';
import type { BatchEntryRow } from '@/lib/server/reports/get-batch-entry';
import { cn } from '@/lib/utils';
import { BatchExplanationRow } from '@/components/reports/report-explanation';
import { BatchPhotosRow, BatchPhotosToggle } from './batch-attachments';
import { BatchPreliminaryRow } from './batch-preliminary-row';
import { BatchInput, BatchProjectCell, BatchStateCell, cell } from './batch-row-cells';

export interface RowHandle {
  isDirty(): boolean;
  /** saves unsaved edits (validating first); the report as stored, or null when it could not be saved */
  flush(): Promise<SavedDraft | null>;
}

const NO_ATTACHMENTS: readonly AttachmentSummary[] = [];

/** One project's month in batch entry: its own small form, saving itself as the user leaves a changed field. */
export function BatchRow({
  row,
  index,
  month,
  writable,
  selectable,
  selected,
  onSelect,
  register: registerHandle,
  onSubmitOne,
  attachments = NO_ATTACHMENTS,
}: {
  row: BatchEntryRow;
  index: number;
  month: number;
  writable: boolean;
  selectable: boolean;
  selected: boolean;
  onSelect(on: boolean): void;
  register(planId: number, handle: RowHandle | null): void;
  onSubmitOne?: () => void;
  /** the attachments of the row's report, as the page listed them */
  attachments?: readonly AttachmentSummary[];
}) {
  const t = useTranslations('reports.batch');
  const tf = useTranslations('reports.form');
  const locale = useLocale();
  const report = row.report;
  const editable = writable && (report === null || report.status === 'DRAFT' || report.status === 'RETURNED');
  const defaultValues = useMemo(
    () =>
      reportFormDefaults({
        projectPlanId: row.planId,
        month,
        stage: row.stage,
        projectActualStart: row.projectActualStart,
        projectActualCompletion: row.projectActualCompletion,
        report,
        start: { kind: 'carryOver', previous: row.previous },
      }),
    [row, month, report],
  );
  const draft = useReportDraft({ defaultValues, report, autosave: true, editable });
  const { form, flush } = draft;

  useEffect(() => {
    registerHandle(row.planId, { isDirty: () => form.formState.isDirty, flush });
    return () => registerHandle(row.planId, null);
  }, [registerHandle, row.planId, form.formState, flush]);

  // the year to date follows the typed amount: this year's earlier months plus this one
  const amount = useWatch({ control: form.control, name: 'investedThisMonth' });
  const ytd = useMemo(() => {
    const parsed = parseMoneyText(String(amount ?? ''));
    return new Decimal(row.priorYtd).plus(parsed.ok ? parsed.value : 0).toFixed(2);
  }, [amount, row.priorYtd]);

  const [photosOpen, setPhotosOpen] = useState(false);
  const [photoCount, setPhotoCount] = useState(attachments.length);

  const inputProps = { draft, row, index, editable };
  return (
    <tbody
      className={cn('border-b border-slate-100', selected && 'bg-brand-50/50')}
      data-testid="batch-row"
      data-project={row.name}
      data-plan-id={row.planId}
    >
      <tr>
        <td className={cn(cell, 'w-8')}>
          {selectable && (
            <input
              type="checkbox"
              aria-label={t('select', { project: row.name })}
              checked={selected}
              onChange={(e) => onSelect(e.target.checked)}
              data-testid="batch-select"
            />
          )}
        </td>
        <BatchProjectCell row={row} flags={draft.flags}>
          <BatchPhotosToggle
            count={photoCount}
            open={photosOpen}
            onToggle={() => setPhotosOpen((open) => !open)}
            project={row.name}
          />
        </BatchProjectCell>
        <td className={cn(cell, 'w-32')}>
          <BatchInput
            name="investedThisMonth"
            col="invested"
            extra={{ inputMode: 'decimal', autoComplete: 'off', className: 'text-right tabular-nums' }}
            {...inputProps}
          />
        </td>
        <td className={cn(cell, 'w-28 text-right text-slate-700 tabular-nums')} data-testid="batch-ytd">
          {formatWan(ytd, locale, { unit: false })}
        </td>
        <td className={cn(cell, 'min-w-44')}>
          <BatchInput name="progressText" col="progress" {...inputProps} />
        </td>
        <td className={cn(cell, 'min-w-24')}>
          <BatchInput
            name="percentComplete"
            col="percent"
            extra={{ inputMode: 'decimal', className: 'text-right' }}
            {...inputProps}
          />
        </td>
        <td className={cn(cell, 'w-36')}>
          {row.stage === 'NEW_START' && (
            <BatchInput
              name="actualStart"
              col="dates"
              extra={{ type: 'date', title: tf('actualStart') }}
              {...inputProps}
            />
          )}
          {row.stage === 'COMPLETION' && (
            <BatchInput
              name="actualCompletion"
              col="dates"
              extra={{ type: 'date', title: tf('actualCompletion') }}
              {...inputProps}
            />
          )}
        </td>
        <td className={cn(cell, 'min-w-36')}>
          <BatchInput name="problems" col="problems" {...inputProps} />
        </td>
        <td className={cn(cell, 'min-w-36')}>
          <BatchInput name="coordinationNeeded" col="coordination" {...inputProps} />
        </td>
        <td className={cn(cell, 'min-w-36')}>
          <BatchInput name="nextSteps" col="nextSteps" {...inputProps} />
        </td>
        <BatchStateCell row={row} draft={draft} onSubmitOne={selectable ? onSubmitOne : undefined} />
      </tr>
      {row.stage === 'PRELIMINARY' && <BatchPreliminaryRow row={row} draft={draft} editable={editable} />}
      <BatchExplanationRow draft={draft} editable={editable} />
      {photosOpen && (
        <BatchPhotosRow
          reportId={draft.saved.reportId}
          attachments={attachments}
          editable={editable}
          onCountChange={setPhotoCount}
        />
      )}
    </tbody>
  );
}
