import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { AnnualReportCard } from '@/components/plan/annual-report-card';
import { CloseYearForm } from '@/components/plan/close-year-form';
import { Card } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db';
import { getYearEndChecklist } from '@/lib/server/plan/get-year-end-checklist';
import { pagePlanYear } from '@/lib/server/plan/page-plan-year';
import type { SearchParams } from '@/lib/search-params';

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { year } = await pagePlanYear((await searchParams).year);
  const t = await getTranslations('plan.close');
  return { title: t('title', { year: String(year ?? '') }) };
}

const STATUSES = ['missing', 'draft', 'submitted', 'returned', 'approved'] as const;

/** The bureau's year-end close: what is still open in the year, then the close confirmed by typing the year. */
export default async function CloseYearPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const { actor, year } = await pagePlanYear((await searchParams).year);
  if (year === null || !can(actor, 'planYear.close')) notFound();
  const list = await getYearEndChecklist(prisma, actor, { year });
  if (!list) notFound();
  const t = await getTranslations('plan.close');
  const tc = await getTranslations('carryOver.wizard');
  const y = String(year);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold text-slate-900">{t('title', { year: y })}</h1>
      <Card className="overflow-x-auto p-4">
        <h2 className="mb-2 font-semibold">{t('months')}</h2>
        <table className="text-sm" data-testid="close-months">
          <thead>
            <tr>
              <th className="px-2 text-left">{t('month')}</th>
              {STATUSES.map((s) => (
                <th key={s} className="px-2 text-right">
                  {t(`status.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.months.map((m) => (
              <tr key={m.month} className={m.approved < m.total ? 'text-amber-800' : undefined}>
                <td className="px-2">{t('monthLabel', { month: String(m.month) })}</td>
                {STATUSES.map((s) => (
                  <td key={s} className="px-2 text-right tabular-nums">
                    {m[s]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card className="flex flex-col gap-2 p-4" data-testid="close-items">
        <p className={list.decemberApproved ? 'text-emerald-800' : 'font-semibold text-red-700'}>
          {list.decemberApproved
            ? t('decemberApproved')
            : t('decemberOpen', { count: String(list.decemberOutstanding) })}
        </p>
        <p>{t('openProblems', { count: String(list.openProblems) })}</p>
        <p>{t('completionsWithoutDate', { count: String(list.completionsWithoutDate.length) })}</p>
        {list.completionsWithoutDate.length > 0 && (
          <ul className="list-disc pl-6 text-sm">
            {list.completionsWithoutDate.map((p) => (
              <li key={p.projectId}>
                {p.code} {p.name}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card className="p-4">
        {list.status === 'CLOSED' ? (
          <div className="flex flex-col gap-2">
            <p>{t('closed', { year: y })}</p>
            {can(actor, 'planYear.carryOver') && (
              <Link href={`/plan/carry-over?from=${y}`} className="text-sm text-brand-700 underline">
                {tc('link', { to: String(year + 1) })}
              </Link>
            )}
          </div>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-600">{t('warning')}</p>
            <CloseYearForm id={list.id} year={year} />
          </>
        )}
      </Card>
      {can(actor, 'planYear.report') && <AnnualReportCard year={year} closed={list.status === 'CLOSED'} />}
    </div>
  );
}
