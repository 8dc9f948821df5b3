'use client';

import { useTranslations } from 'next-intl';
import { PLAN_CHANGE_REASON_MAX } from '@/lib/validations/project';

/** Why the plans of a year already under way change: the import asks for it as the project form does. */
export function ImportReason({ value, onChange }: { value: string; onChange(value: string): void }) {
  const t = useTranslations('projectImport');
  return (
    <label className="flex max-w-3xl flex-col gap-1 text-sm font-medium text-slate-700">
      {t('reason')}
      <textarea
        name="reason"
        rows={2}
        maxLength={PLAN_CHANGE_REASON_MAX}
        value={value}
        aria-describedby="import-reason-hint"
        data-testid="import-reason"
        className="rounded-md border border-slate-300 px-3 py-2 text-sm font-normal"
        onChange={(e) => onChange(e.target.value)}
      />
      <span id="import-reason-hint" className="text-xs font-normal text-slate-500">
        {t('reasonHint')}
      </span>
    </label>
  );
}
