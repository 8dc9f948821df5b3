'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { MonthAttachments } from '@/lib/server/attachments/list-project-attachments';
import { EvidenceThumbnail } from './evidence-thumbnail';
import { Lightbox } from './lightbox';

/**
 * A project's evidence for a year, month by month (the project page's 现场照片 tab): a heading per month with its
 * thumbnails; any of them opens the lightbox, which steps on through the following months.
 */
export function PhotoTimeline({ year, months }: { year: number; months: MonthAttachments[] }) {
  const t = useTranslations('evidence.timeline');
  const [currentId, setCurrentId] = useState<number | null>(null);
  if (months.length === 0)
    return (
      <p className="text-sm text-slate-600" data-testid="photo-timeline-empty">
        {t('empty', { year: String(year) })}
      </p>
    );
  return (
    <div className="flex flex-col gap-5" data-testid="photo-timeline">
      {months.map((m) => (
        <section
          key={m.reportId}
          data-testid="photo-timeline-month"
          data-month={m.month}
          className="flex flex-col gap-2"
        >
          <h3 className="flex items-baseline gap-2 text-sm font-semibold text-slate-900">
            {t('month', { month: m.month })}
            <span className="text-xs font-normal text-slate-500">{t('count', { count: m.attachments.length })}</span>
          </h3>
          <div className="flex flex-wrap gap-2">
            {m.attachments.map((a) => (
              <EvidenceThumbnail key={a.id} attachment={a} onOpen={() => setCurrentId(a.id)} />
            ))}
          </div>
        </section>
      ))}
      <Lightbox
        year={year}
        months={months}
        currentId={currentId}
        onCurrentChange={setCurrentId}
        onClose={() => setCurrentId(null)}
      />
    </div>
  );
}
