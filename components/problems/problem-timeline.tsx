import { getTranslations } from 'next-intl/server';
import type { ProblemEntryView } from '@/lib/server/problems/get-problem';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';

/** The problem's timeline, oldest first: who did what, and what they wrote. */
export async function ProblemTimeline({ entries }: { entries: ProblemEntryView[] }) {
  const t = await getTranslations('problems.flow');
  return (
    <ol className="flex flex-col gap-3" data-testid="problem-timeline">
      {entries.map((e) => (
        <li key={e.id} className="rounded-md border border-slate-200 bg-white p-3" data-kind={e.kind}>
          <div className="flex flex-wrap gap-x-3 text-sm text-slate-600">
            <span className="font-medium text-slate-900">{t(`entry.${e.kind}`)}</span>
            <span>{[e.department, e.author].filter(Boolean).join(' · ') || t('system')}</span>
            <time>{formatChongqingTime(e.createdAt, { seconds: false })}</time>
          </div>
          {e.body && <p className="mt-1 text-sm whitespace-pre-wrap text-slate-900">{e.body}</p>}
        </li>
      ))}
    </ol>
  );
}
