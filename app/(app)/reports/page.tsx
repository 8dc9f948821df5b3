import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { MonthLinks } from '@/components/navigation/month-links';
import { BatchEntry } from '@/components/reports/batch/batch-entry';
import { MonthSheetPanel } from '@/components/reports/month-sheet/month-sheet-panel';
import { can, scopeOf } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { NotFoundError } from '@/lib/server/errors';
import { listAttachments } from '@/lib/server/attachments/list-attachments';
import { getBatchEntry } from '@/lib/server/reports/get-batch-entry';
import type { SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('nav');
  return { title: t('reportEntry') };
}

const intParam = (raw: string | string[] | undefined, pattern: RegExp) =>
  typeof raw === 'string' && pattern.test(raw) ? Number(raw) : undefined;

/** The department's batch entry for a month; the bureau reviews instead, everyone else reads the board. */
export default async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const actor = await requireActor();
  if (scopeOf(actor, 'report.edit') === 'none') {
    redirect(scopeOf(actor, 'report.review') === 'all' ? '/reports/review' : '/reports/board');
  }
  const query = await searchParams;
  const t = await getTranslations('reports.batch');
  if (actor.departmentId === null) return <p className="text-sm text-slate-600">{t('noDepartment')}</p>;

  const year = intParam(query.year, /^\d{4}$/);
  const month = intParam(query.month, /^(1[0-2]|[1-9])$/);
  let entry;
  try {
    entry = await getBatchEntry(prisma, actor, { year, month });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const reportIds = entry.rows.flatMap((row) => (row.report ? [row.report.id] : []));
  const attachments = await listAttachments(prisma, actor, { reportIds });
  const open = entry.planYearStatus === 'ACTIVE';
  const writable = open && entry.month <= entry.currentMonth;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900" data-testid="batch-title">
            {t('title', { year: String(entry.year), month: entry.month })}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {t('description', { department: entry.departmentName, count: entry.rows.length })}
          </p>
        </div>
        <MonthLinks
          through={entry.currentMonth}
          selected={entry.month}
          hrefFor={(m) => `/reports?year=${entry.year}&month=${m}`}
          label={t('month')}
          optionLabel={(m) => t('monthOption', { month: m })}
          look="pills"
          testId="batch-months"
        />
      </div>
      {!open && <p className="text-sm text-amber-800">{t('closed', { year: String(entry.year) })}</p>}
      {open && !writable && <p className="text-sm text-amber-800">{t('future', { month: entry.month })}</p>}
      {writable && entry.rows.length > 0 && <MonthSheetPanel year={entry.year} month={entry.month} />}
      {entry.rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <BatchEntry
          year={entry.year}
          month={entry.month}
          rows={entry.rows}
          writable={writable}
          canSubmit={can(actor, 'report.submit', { departmentId: actor.departmentId })}
          attachments={attachments}
        />
      )}
    </div>
  );
}
