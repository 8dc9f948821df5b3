import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { NoticeArea, NoticeProvider } from '@/components/forms/notice';
import { MonthLinks } from '@/components/navigation/month-links';
import { YearLinks } from '@/components/navigation/year-links';
import { monthName } from '@/components/navigation/month-name';
import { RemindLateButton } from '@/components/reminders/remind-late-button';
import { ReportBoardTable } from '@/components/reports/board/report-board-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { can, scopeOf } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { today } from '@/lib/server/clock';
import { resolvePlanYear } from '@/lib/server/plan/resolve-plan-year';
import { getReportBoard } from '@/lib/server/reports/get-report-board';
import type { SearchParams } from '@/lib/search-params';

/** The board for ?year=&month= (the active year and its reporting month by default); notFound() for anything odd. */
const loadBoard = cache(async (year: string | string[] | undefined, month: string | string[] | undefined) => {
  const actor = await requireActor();
  if (scopeOf(actor, 'report.read') === 'none') notFound();
  const resolved = await resolvePlanYear(prisma, actor, year);
  if (!resolved) notFound();
  const { years, year: selectedYear } = resolved;
  if (selectedYear === null) return { actor, years, board: null };
  if (month !== undefined && (typeof month !== 'string' || !/^\d{1,2}$/.test(month))) notFound();
  const board = await getReportBoard(prisma, actor, {
    year: selectedYear,
    month: month === undefined ? undefined : Number(month),
    today: await today(),
  });
  // a month the year has not reached yet, or 0/13
  if (!board) notFound();
  return { actor, years, board };
});

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const query = await searchParams;
  const [{ board }, t, locale] = await Promise.all([
    loadBoard(query.year, query.month),
    getTranslations('board'),
    getLocale(),
  ]);
  if (!board) return { title: t('noYear.title') };
  return {
    title: t('metaTitle', { year: String(board.year), month: board.month, monthName: monthName(board.month, locale) }),
  };
}

export default async function ReportBoardPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const query = await searchParams;
  const [{ actor, years, board }, t, locale] = await Promise.all([
    loadBoard(query.year, query.month),
    getTranslations('board'),
    getLocale(),
  ]);

  if (!board) {
    return (
      <Card className="mx-auto mt-8 max-w-xl p-8 text-center">
        <h1 className="text-lg font-semibold">{t('noYear.title')}</h1>
        <p className="mt-2 text-sm text-slate-600">{t('noYear.description')}</p>
      </Card>
    );
  }

  const own = scopeOf(actor, 'report.read') === 'own';
  const period = { year: String(board.year), month: board.month, monthName: monthName(board.month, locale) };
  // the bureau's 催报 (lib/actions/reminders.ts)
  const canRemind = can(actor, 'report.review') && board.lateCount > 0;

  return (
    <NoticeProvider>
      <div className="flex flex-col gap-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold text-slate-900">{t('title', period)}</h1>
            <p className="mt-1 max-w-3xl text-sm text-slate-500">{t('description')}</p>
          </div>
          <YearLinks years={years} current={board.year} hrefFor={(y) => `/reports/board?year=${y}`} />
        </div>
        <MonthLinks
          through={board.currentMonth}
          selected={board.month}
          hrefFor={(m) => `/reports/board?year=${board.year}&month=${m}`}
          label={t('monthSwitch')}
          optionLabel={(m) => t('monthOption', { month: m, monthName: monthName(m, locale) })}
          testId="board-months"
        />
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-600">
          <span data-testid="board-scope">
            {own
              ? t('scopeOwn', { department: actor.departmentName ?? '' })
              : t('scopeAll', { count: board.rows.length })}
          </span>
          <span data-testid="board-deadline" data-deadline={board.deadline}>
            {t('deadline', { date: board.deadline })}
          </span>
          <span data-testid="board-today">{t('today', { date: board.today })}</span>
          <Badge variant={board.lateCount > 0 ? 'danger' : 'success'} data-testid="board-late-count">
            {t('lateCount', { count: board.lateCount })}
          </Badge>
          {canRemind && <RemindLateButton year={board.year} month={board.month} lateCount={board.lateCount} />}
        </div>
        <NoticeArea />
        <Card>
          <ReportBoardTable board={board} actor={actor} remind={canRemind} />
        </Card>
      </div>
    </NoticeProvider>
  );
}
