import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { ReviewQueueTable } from '@/components/reports/review/review-queue';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { ReportStatus } from '@/generated/prisma/enums';
import { scopeOf } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { REPORT_FLAG_CODES } from '@/lib/domain/report-checks';
import { listReportAttachments } from '@/lib/server/attachments/list-report-attachments';
import { NotFoundError } from '@/lib/server/errors';
import { getReviewQueue } from '@/lib/server/reports/get-review-queue';
import type { SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('nav');
  return { title: t('reportReview') };
}

const STATUSES = Object.values(ReportStatus);
/** What the queue filters on: the flags, and refusals kept as flags on reports that predate the checks. */
const FLAG_FILTERS = REPORT_FLAG_CODES;
const first = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw);
const intParam = (raw: string | string[] | undefined, pattern: RegExp) => {
  const value = first(raw);
  return value !== undefined && pattern.test(value) ? Number(value) : undefined;
};

/** The bureau's review queue: filter by month, department, status and flags; approve or return in one step. */
export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const actor = await requireActor();
  // Like another department's record: a page this role may not use is a page that does not exist.
  if (scopeOf(actor, 'report.review') !== 'all') notFound();
  const query = await searchParams;
  const [t, ts, tFlag, tb] = await Promise.all([
    getTranslations('reports.queue'),
    getTranslations('reports.status'),
    getTranslations('reports.flagLabels'),
    getTranslations('backfill'),
  ]);

  const statusParam = first(query.status);
  const flagParam = first(query.flag);
  const filter = {
    year: intParam(query.year, /^\d{4}$/),
    month: intParam(query.month, /^(1[0-2]|[1-9])$/),
    departmentId: intParam(query.department, /^\d{1,9}$/),
    status: STATUSES.find((s) => s === statusParam),
    flag: FLAG_FILTERS.find((f) => f === flagParam),
    flagged: flagParam === 'any',
  };
  let queue;
  try {
    queue = await getReviewQueue(prisma, actor, filter);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const status = filter.status ?? 'SUBMITTED';
  const evidence = await listReportAttachments(prisma, actor, { reportIds: queue.rows.map((r) => r.reportId) });
  const select = 'h-9 rounded-md border border-slate-300 bg-white px-2 text-sm';

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">
          {t('title', { year: String(queue.year), month: queue.month })}
        </h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="review-counts">
          {STATUSES.map((s) => `${ts(s)} ${queue.counts[s] ?? 0}`).join(' · ')}
        </p>
        <Link href="/reports/backfill" className="mt-1 inline-block text-sm text-brand-700 underline">
          {tb('link')}
        </Link>
      </div>
      <Card>
        <CardContent className="pt-4">
          <form method="get" className="flex flex-wrap items-end gap-3" data-testid="review-filters">
            <input type="hidden" name="year" value={queue.year} />
            <label className="flex flex-col gap-1 text-sm">
              {t('filters.month')}
              <select name="month" defaultValue={String(queue.month)} className={select}>
                {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                  <option key={m} value={m}>
                    {t('filters.monthOption', { month: m })}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm">
              {t('filters.department')}
              <select
                name="department"
                defaultValue={filter.departmentId ? String(filter.departmentId) : ''}
                className={select}
                data-testid="review-filter-department"
              >
                <option value="">{t('filters.all')}</option>
                {queue.departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm">
              {t('filters.status')}
              <select name="status" defaultValue={status} className={select} data-testid="review-filter-status">
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {ts(s)}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm">
              {t('filters.flag')}
              <select name="flag" defaultValue={flagParam ?? ''} className={select} data-testid="review-filter-flag">
                <option value="">{t('filters.all')}</option>
                <option value="any">{t('filters.anyFlag')}</option>
                {FLAG_FILTERS.map((f) => (
                  <option key={f} value={f}>
                    {tFlag(f)}
                  </option>
                ))}
              </select>
            </label>
            <Button type="submit" variant="secondary" data-testid="review-filter-apply">
              {t('filters.apply')}
            </Button>
          </form>
        </CardContent>
      </Card>
      <ReviewQueueTable
        rows={queue.rows}
        canReview
        canRaise={scopeOf(actor, 'problem.manage') === 'all'}
        evidence={{ year: queue.year, month: queue.month, byReport: evidence }}
      />
    </div>
  );
}
