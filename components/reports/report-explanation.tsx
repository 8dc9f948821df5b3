'use client';

import { useWatch } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { Textarea } from '@/components/forms/textarea';
import { Badge } from '@/components/ui/badge';
import { Label } from '@/components/ui/label';
import { EXPLANATION_REQUIRED_FLAGS, type ReportFlagCode } from '@/lib/domain/report-checks';
import { cn } from '@/lib/utils';
import type { ReportDraft } from './draft/use-report-draft';
import { input } from './batch/batch-row-cells';

/** The flags of the last save that want a 情况说明, in the order the checks gave them. */
export function flagsNeedingExplanation(flags: readonly string[]): ReportFlagCode[] {
  return EXPLANATION_REQUIRED_FLAGS.filter((code) => flags.includes(code));
}

/**
 * The project page's 情况说明 and the checks the last save flagged. The explanation is always offered; a flag of
 * EXPLANATION_REQUIRED_FLAGS makes it required to submit (lib/server/reports/workflow.ts says so on the server).
 */
export function ReportExplanationField({ form, errorOf, flags }: Pick<ReportDraft, 'form' | 'errorOf' | 'flags'>) {
  const t = useTranslations('reports.form');
  const tFlag = useTranslations('reports.flagLabels');
  const error = errorOf('explanation');
  const required = flagsNeedingExplanation(flags);
  return (
    <div className="flex flex-col gap-1.5">
      {flags.length > 0 && (
        <div className="flex flex-wrap items-center gap-1 text-sm" data-testid="report-flags">
          <span className="text-slate-600">{t('flagsTitle')}</span>
          {flags.map((f) => (
            <Badge key={f} variant="warning">
              {tFlag(f as ReportFlagCode)}
              {required.includes(f as ReportFlagCode) && ` · ${t('flagNeedsExplanation')}`}
            </Badge>
          ))}
        </div>
      )}
      <Label htmlFor="report-explanation">{t('explanation')}</Label>
      <Textarea
        id="report-explanation"
        rows={2}
        aria-invalid={error ? true : undefined}
        aria-describedby={['report-explanation-hint', error ? 'report-explanation-error' : null]
          .filter(Boolean)
          .join(' ')}
        aria-required={required.length > 0 ? true : undefined}
        data-testid="report-explanation"
        {...form.register('explanation')}
      />
      <p id="report-explanation-hint" className="text-xs text-slate-500">
        {t('explanationHint')}
      </p>
      {error && (
        <p id="report-explanation-error" className="text-sm text-red-700" data-testid="report-explanation-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * Batch entry's line for the 情况说明, under the row, shown once a save flags something that needs one or the
 * report already has one: an ordinary month keeps its one line.
 */
export function BatchExplanationRow({ draft, editable }: { draft: ReportDraft; editable: boolean }) {
  const t = useTranslations('reports.batch');
  const stored = useWatch({ control: draft.form.control, name: 'explanation' });
  const required = flagsNeedingExplanation(draft.flags);
  if (required.length === 0 && !String(stored ?? '').trim()) return null;
  const error = draft.errorOf('explanation');
  return (
    <tr className="bg-amber-50/40" data-testid="batch-explanation-row">
      <td />
      <td colSpan={10} className="px-2 pb-2">
        <label className="flex flex-col gap-0.5 text-xs">
          <span className="font-medium text-slate-600">{t('explanation')}</span>
          <input
            {...draft.form.register('explanation', { onBlur: draft.scheduleSave })}
            disabled={!editable}
            aria-invalid={error ? true : undefined}
            aria-required={required.length > 0 ? true : undefined}
            className={cn(input, 'max-w-3xl')}
            data-testid="batch-explanation"
          />
          {error && (
            <span className="text-red-700" data-testid="batch-explanation-error">
              {error}
            </span>
          )}
        </label>
      </td>
    </tr>
  );
}
