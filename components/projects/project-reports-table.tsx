import { getLocale, getTranslations } from 'next-intl/server';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ReportReview } from '@/components/reports/report-review';
import { ReportStatusBadge } from '@/components/reports/report-status-badge';
import { formatWan, MISSING } from '@/lib/format';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';
import type { ProjectPlanDetail } from '@/lib/server/projects/get-project';

function Text({ value }: { value: string }) {
  return value ? <span className="whitespace-pre-line">{value}</span> : <span className="text-slate-400">{MISSING}</span>;
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
        <Table data-testid="project-reports">
          <TableHeader>
            <TableRow>
              <TableHead>{t('columns.month')}</TableHead>
              <TableHead>{t('columns.status')}</TableHead>
              <TableHead className="text-right">{t('columns.invested')}</TableHead>
              <TableHead>{t('columns.progress')}</TableHead>
              <TableHead>{t('columns.problems')}</TableHead>
              <TableHead>{t('columns.coordination')}</TableHead>
              <TableHead>{t('columns.nextSteps')}</TableHead>
              <TableHead>{t('columns.submitted')}</TableHead>
              <TableHead>{t('columns.reviewed')}</TableHead>
              {reviewable && <TableHead>{t('columns.actions')}</TableHead>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {reports.map((r) => (
              <TableRow key={r.id} className="align-top" data-testid={`report-row-${r.month}`}>
                <TableCell className="whitespace-nowrap">{t('monthLabel', { month: r.month })}</TableCell>
                <TableCell>
                  <ReportStatusBadge status={r.status} testId={`report-status-${r.month}`} />
                </TableCell>
                <TableCell className="text-right tabular-nums whitespace-nowrap">
                  {formatWan(r.investedThisMonth, locale, { unit: false })}
                </TableCell>
                <TableCell className="min-w-40">
                  <Text value={r.progressText} />
                </TableCell>
                <TableCell className="min-w-32">
                  <Text value={r.problems} />
                </TableCell>
                <TableCell className="min-w-32">
                  <Text value={r.coordinationNeeded} />
                </TableCell>
                <TableCell className="min-w-32">
                  <Text value={r.nextSteps} />
                </TableCell>
                <TableCell className="text-xs whitespace-nowrap text-slate-600">
                  {who(r.submittedByName, r.submittedAt)}
                </TableCell>
                <TableCell className="min-w-40 text-xs text-slate-600">
                  {who(r.reviewedByName, r.reviewedAt)}
                  {r.reviewComment && (
                    <p className="mt-1 text-amber-800" data-testid={`report-comment-${r.month}`}>
                      {t('returnComment', { comment: r.reviewComment })}
                    </p>
                  )}
                </TableCell>
                {reviewable && (
                  <TableCell>
                    {r.status === 'SUBMITTED' && <ReportReview reportId={r.id} version={r.version} month={r.month} />}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
