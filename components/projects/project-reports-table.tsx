import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ReportReopen } from '@/components/reports/report-reopen';
import { ReportReview } from '@/components/reports/report-review';
import { ReportStatusBadge } from '@/components/reports/report-status-badge';
import { formatWan, MISSING } from '@/lib/format';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';
import type { ProjectPlanDetail } from '@/lib/server/projects/get-project';

function Text({ value }: { value: string }) {
  return value ? (
    <span className="whitespace-pre-line">{value}</span>
  ) : (
    <span className="text-slate-400">{MISSING}</span>
  );
}

/** The plan year's reports, newest month first, with the bureau's review controls on submitted ones. */
export async function ProjectReportsTable({ plan, canReview }: { plan: ProjectPlanDetail; canReview: boolean }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('projects.detail.reports')]);
  const reports = [...plan.reports].reverse();
  const reviewable = canReview && plan.planYearStatus === 'ACTIVE';
  const who = (name: string | null, at: Date | null) =>
    at ? t('by', { name: name ?? MISSING, time: formatChongqingTime(at, { seconds: false }) }) : MISSING;

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{t('description')}</CardDescription>
      </CardHeader>
      {reports.length === 0 ? (
        <p className="px-5 pb-5 text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <DataTable
          testId="project-reports"
          columns={[
            { id: 'month', header: t('columns.month'), className: 'whitespace-nowrap' },
            { id: 'status', header: t('columns.status') },
            {
              id: 'invested',
              header: t('columns.invested'),
              align: 'end',
              className: 'tabular-nums whitespace-nowrap',
            },
            // narrow enough for the bureau's 操作 column to fit 1232 px beside the rest
            { id: 'progress', header: t('columns.progress'), className: 'min-w-36' },
            { id: 'problems', header: t('columns.problems'), className: 'min-w-32' },
            { id: 'coordination', header: t('columns.coordination'), className: 'min-w-32' },
            { id: 'nextSteps', header: t('columns.nextSteps'), className: 'min-w-32' },
            { id: 'submitted', header: t('columns.submitted'), className: 'text-xs whitespace-nowrap text-slate-600' },
            { id: 'reviewed', header: t('columns.reviewed'), className: 'min-w-28 text-xs text-slate-600' },
            ...(reviewable ? [{ id: 'actions', header: t('columns.actions') }] : []),
          ]}
          rows={reports.map((r) => ({
            id: String(r.id),
            testId: `report-row-${r.month}`,
            className: '[&>td]:align-top',
            cells: {
              month: t('monthLabel', { month: r.month }),
              status: (
                <>
                  <ReportStatusBadge status={r.status} testId={`report-status-${r.month}`} />
                  {r.backfill && (
                    // the month came from the bureau's backfill of a 调度表: which file, and why
                    <div className="mt-1 text-xs text-slate-600" data-testid={`report-backfill-${r.month}`}>
                      <Badge variant="brand">{t('backfill')}</Badge>
                      <p className="mt-1 max-w-48">{t('backfillDetail', r.backfill)}</p>
                    </div>
                  )}
                </>
              ),
              invested: (
                <>
                  {formatWan(r.investedThisMonth, locale, { unit: false })}
                  {r.revisions.length > 0 && (
                    // "as reported" (the first approved version) beside "as revised" (the figure shown above)
                    <div className="text-xs font-normal text-slate-500" data-testid={`report-restated-${r.month}`}>
                      {t('asReported', {
                        amount: formatWan(r.revisions[0]!.investedThisMonth, locale, { unit: false }),
                      })}
                    </div>
                  )}
                  {r.approvedInvested !== null &&
                    r.status !== 'APPROVED' &&
                    r.approvedInvested !== r.investedThisMonth && (
                      <div className="text-xs font-normal text-amber-700" data-testid={`report-official-${r.month}`}>
                        {t('officialWhileRevised', { amount: formatWan(r.approvedInvested, locale, { unit: false }) })}
                      </div>
                    )}
                </>
              ),
              progress: <Text value={r.progressText} />,
              problems: <Text value={r.problems} />,
              coordination: <Text value={r.coordinationNeeded} />,
              nextSteps: <Text value={r.nextSteps} />,
              submitted: who(r.submittedByName, r.submittedAt),
              reviewed: (
                <>
                  {who(r.reviewedByName, r.reviewedAt)}
                  {r.reviewComment && (
                    <p className="mt-1 text-amber-800" data-testid={`report-comment-${r.month}`}>
                      {t('returnComment', { comment: r.reviewComment })}
                    </p>
                  )}
                </>
              ),
              actions:
                r.status === 'SUBMITTED' ? (
                  <ReportReview reportId={r.id} version={r.version} month={r.month} />
                ) : r.status === 'APPROVED' ? (
                  <ReportReopen reportId={r.id} version={r.version} month={r.month} />
                ) : null,
            },
          }))}
        />
      )}
    </Card>
  );
}
