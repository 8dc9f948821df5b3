import { getTranslations } from 'next-intl/server';
import { MISSING } from '@/lib/format';
import type { BulletinFigures } from '@/lib/server/bulletins/figures';
import { DocumentTable } from './document-table';

/**
 * The bulletin's table of overdue coordination problems, from its frozen figures: a published bulletin keeps the
 * list it was drafted with. Bulletins drafted before problems existed have none and show nothing.
 */
export async function BulletinProblems({ figures }: { figures: BulletinFigures }) {
  const problems = figures.problems;
  if (!problems) return null;
  const t = await getTranslations('problemLedger.bulletin');
  return (
    <section data-testid="bulletin-problems" className="flex flex-col gap-1.5">
      <h3 className="text-base font-semibold text-slate-900">{t('title')}</h3>
      {problems.overdueProblems.length === 0 ? (
        <p className="text-sm text-slate-600">{t('none')}</p>
      ) : (
        <>
          {problems.overdue > problems.overdueProblems.length ? (
            <p className="text-sm text-slate-600">
              {t('longest', { shown: problems.overdueProblems.length, count: problems.overdue })}
            </p>
          ) : null}
          <DocumentTable
            testId="bulletin-overdue-problems"
            columns={[
              { header: t('columns.number') },
              { header: t('columns.project') },
              { header: t('columns.problem') },
              { header: t('columns.lead') },
              { header: t('columns.daysOverdue'), numeric: true },
            ]}
            rows={problems.overdueProblems.map((p) => ({
              key: p.number,
              cells: [p.number, p.project ?? MISSING, p.title, p.lead ?? MISSING, String(p.daysOverdue)],
            }))}
          />
        </>
      )}
    </section>
  );
}
