'use client';

import { useTranslations } from 'next-intl';
import type { LightboxMonth } from './lightbox';
import { cn } from '@/lib/utils';

/** The months of the year that have evidence, as buttons: the current one pressed, any other a jump to its first file. */
export function LightboxMonths({
  months,
  current,
  onJump,
}: {
  months: readonly LightboxMonth[];
  current: number | null;
  onJump: (month: number) => void;
}) {
  const t = useTranslations('evidence.lightbox');
  const withFiles = months.filter((m) => m.attachments.length > 0).sort((a, b) => a.month - b.month);
  if (withFiles.length < 2) return null;
  return (
    <div role="group" aria-label={t('months')} className="flex flex-wrap gap-1" data-testid="lightbox-months">
      {withFiles.map((m) => (
        <button
          key={m.month}
          type="button"
          aria-pressed={m.month === current}
          onClick={() => onJump(m.month)}
          data-testid="lightbox-month"
          data-month={m.month}
          className={cn(
            'rounded border px-2 py-0.5 text-xs',
            m.month === current
              ? 'border-brand-700 bg-brand-700 text-white'
              : 'border-slate-300 text-slate-700 hover:bg-slate-50',
          )}
        >
          {t('month', { month: m.month, count: m.attachments.length })}
        </button>
      ))}
    </div>
  );
}
