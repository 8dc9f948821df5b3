'use client';

import { useTranslations } from 'next-intl';
import type { ReportDraft } from '@/components/reports/draft/use-report-draft';
import type { BatchEntryRow } from '@/lib/server/reports/get-batch-entry';
import { cn } from '@/lib/utils';
import { MILESTONE_KINDS } from '@/lib/validations/report';
import { input } from './batch-row-cells';

/**
 * A 前期 project's second line: the milestones reached this month (those already done show their date), what
 * blocks the next one, and whether it is ready to start.
 */
export function BatchPreliminaryRow({
  row,
  draft,
  editable,
}: {
  row: BatchEntryRow;
  draft: ReportDraft;
  editable: boolean;
}) {
  const t = useTranslations('reports.batch');
  const tf = useTranslations('reports.form');
  const tMilestone = useTranslations('enums.milestoneKind');
  const { form, reached, scheduleSave } = draft;
  const milestonesError = draft.errorOf('milestoneUpdates');
  return (
    <tr className="bg-slate-50/60" data-testid="batch-preliminary">
      <td />
      <td colSpan={10} className="px-2 pb-2">
        {/* The table scrolls sideways when its columns need more than the screen; this line does not follow it but
            stays in view and wraps to the table's visible width (100cqw of the scrolling box), so its last field
            never ends past the table's edge. */}
        <div className="sticky left-2 flex w-[calc(100cqw-3rem)] flex-wrap items-end gap-3 text-xs">
          <span className="font-medium text-slate-600">{t('milestonesReached')}</span>
          {MILESTONE_KINDS.map((kind) => {
            const recorded = row.milestones.find((m) => m.kind === kind);
            const done = recorded?.status === 'DONE';
            return (
              <label key={kind} className="flex flex-col gap-0.5">
                <span className={cn(done ? 'text-emerald-700' : 'text-slate-600')}>
                  {tMilestone(kind)}
                  {done && ` ✓ ${recorded?.actualDate ?? ''}`}
                </span>
                {!done && (
                  <input
                    type="date"
                    className={cn(input, 'h-7 w-36')}
                    value={reached.dateOf(kind)}
                    disabled={!editable}
                    onChange={(e) => reached.set(kind, e.target.value)}
                    data-testid={`batch-milestone-${kind}`}
                  />
                )}
              </label>
            );
          })}
          <label className="flex min-w-48 flex-1 flex-col gap-0.5">
            <span className="text-slate-600">{tf('blockers')}</span>
            <input
              {...form.register('blockers', { onBlur: scheduleSave })}
              disabled={!editable}
              className={cn(input, 'h-7')}
              data-testid="batch-blockers"
            />
          </label>
          <label className="flex flex-col gap-0.5">
            <span className="text-slate-600">{tf('readyToStart')}</span>
            <select
              {...form.register('readyToStart', { onChange: scheduleSave })}
              disabled={!editable}
              className={cn(input, 'h-7 w-28')}
              data-testid="batch-ready"
            >
              <option value="">{tf('readyUnknown')}</option>
              <option value="true">{tf('readyYes')}</option>
              <option value="false">{tf('readyNo')}</option>
            </select>
          </label>
        </div>
        {milestonesError && <p className="mt-1 text-xs text-red-700">{milestonesError}</p>}
      </td>
    </tr>
  );
}
