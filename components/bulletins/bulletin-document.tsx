import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';
import type { BulletinView } from '@/lib/server/bulletins/get-bulletin';
import { BulletinProblems } from './bulletin-problems';
import { BulletinTables } from './bulletin-tables';

/** The text as the bureau wrote it: a blank line separates paragraphs, a single line break stays a line break. */
export function BulletinBody({ body }: { body: string }) {
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div data-testid="bulletin-body" className="flex flex-col gap-3 text-[15px] leading-8 text-slate-900">
      {paragraphs.map((p, i) => (
        <p key={i} className="indent-[2em] whitespace-pre-line">
          {p}
        </p>
      ))}
    </div>
  );
}

/** The bulletin as it is read and printed: title, status line, text, then the tables of its frozen figures. */
export async function BulletinDocument({ bulletin }: { bulletin: BulletinView }) {
  const t = await getTranslations('bulletins');
  const published = bulletin.publishedAt ? formatChongqingTime(bulletin.publishedAt, { seconds: false }) : null;
  return (
    <article
      data-testid="bulletin-document"
      className="flex flex-col gap-6 rounded-lg border border-slate-200 bg-white px-6 py-8 shadow-sm sm:px-10 print:border-0 print:p-0 print:shadow-none"
    >
      <div className="flex flex-col items-center gap-2 text-center">
        <h1 className="text-2xl font-semibold text-slate-900">{bulletin.title}</h1>
        <p className="flex flex-wrap items-center justify-center gap-2 text-sm text-slate-500">
          <Badge
            variant={bulletin.status === 'PUBLISHED' ? 'success' : 'warning'}
            className="print:hidden"
            data-testid="bulletin-status"
          >
            {t(`status.${bulletin.status}`)}
          </Badge>
          {published &&
            (bulletin.publishedBy
              ? t('page.published', { name: bulletin.publishedBy, time: published })
              : t('page.publishedNoName', { time: published }))}
        </p>
      </div>
      {bulletin.status === 'DRAFT' && (
        <p
          role="note"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 print:hidden"
        >
          {t('page.draftNotice')}
        </p>
      )}
      <BulletinBody body={bulletin.body} />
      <div className="flex flex-col gap-1">
        <p className="text-right text-xs text-slate-500">{t('page.unit')}</p>
        <BulletinTables figures={bulletin.figures} />
      </div>
      <BulletinProblems figures={bulletin.figures} />
      <p className="text-xs text-slate-500">
        {t('page.figuresTakenAt', { time: formatChongqingTime(bulletin.figures.takenAt, { seconds: false }) })}
      </p>
    </article>
  );
}
