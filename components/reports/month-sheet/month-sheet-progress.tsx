'use client';

import { useTranslations } from 'next-intl';
import { progressPercent, UPLOAD_PHASES, type ProgressView } from '@/lib/domain/upload-progress';

/**
 * An upload under way, or just done: the phase (uploading, reading the file, checking, writing), a bar for it, and
 * the rows each phase has reached so far ("已读取 N 行 / 已检查 N 行 / 已写入 N 行").
 */
export function MonthSheetProgress({ view }: { view: ProgressView }) {
  const t = useTranslations('monthSheet.progress');
  const percent = progressPercent(view);
  const phase = view.phase ?? 'upload';
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid="month-sheet-progress" data-phase={phase}>
      <div className="flex items-center gap-3">
        <span className="w-20 shrink-0 text-slate-700">{t(`phase.${phase}`)}</span>
        <progress
          className="h-2 w-64 max-w-full appearance-none overflow-hidden rounded bg-slate-100 [&::-moz-progress-bar]:bg-blue-600 [&::-webkit-progress-bar]:bg-slate-100 [&::-webkit-progress-value]:bg-blue-600"
          max={100}
          value={view.phase ? percent : undefined}
          aria-label={t(`phase.${phase}`)}
        />
      </div>
      <p className="text-xs text-slate-600" data-testid="month-sheet-progress-counts">
        {UPLOAD_PHASES.filter((p) => view.counts[p])
          .map((p) => t(p, { count: view.counts[p]!.done }))
          .join(' / ')}
      </p>
    </div>
  );
}
