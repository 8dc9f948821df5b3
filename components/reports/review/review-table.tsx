'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { DataTable, type DataTableColumn, type DataTableRow } from '@/components/data-table/data-table';
import { ReportStatusBadge } from '@/components/reports/report-status-badge';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatPercent, formatWan, MISSING } from '@/lib/format';
import type { AttachmentSummary } from '@/lib/server/attachments/attachment-summary';
import type { ReportAttachments } from '@/lib/server/attachments/list-report-attachments';
import type { ReviewQueueRow } from '@/lib/server/reports/get-review-queue';
import { RaiseProblemButtons } from './raise-problem-buttons';
import { ReviewEvidence } from './review-evidence';

/** A header that may break before its unit: "本月完成投资" over "（万元）". */
const WRAPPING_HEADER = 'min-w-28 whitespace-normal';

export interface ReviewTableProps {
  /** in the server's order: flagged reports first, then by department */
  rows: readonly ReviewQueueRow[];
  canReview: boolean;
  /** the bureau (problem.manage): a report's 需协调事项 or 存在问题 becomes a 协调问题 in one click */
  canRaise?: boolean;
  selected: ReadonlySet<number>;
  busy: boolean;
  onToggle: (reportId: number, on: boolean) => void;
  onSelectAll: (on: boolean) => void;
  onApprove: (reportId: number) => void;
  onReturn: (reportId: number) => void;
  /** each report's photos and documents (a few of them), by report id */
  evidence?: Readonly<Record<number, ReportAttachments>>;
  onOpenEvidence?: (row: ReviewQueueRow, attachment: AttachmentSummary) => void;
}

/** The queue as the shared table: each report beside the previous month and the plan, its flags and status. */
export function ReviewTable({
  rows,
  canReview,
  canRaise = false,
  selected,
  busy,
  onToggle,
  onSelectAll,
  onApprove,
  onReturn,
  evidence,
  onOpenEvidence,
}: ReviewTableProps) {
  const t = useTranslations('reports.queue');
  const tr = useTranslations('reports.review');
  const tFlag = useTranslations('reports.flagLabels');
  const tStage = useTranslations('enums.stage');
  const locale = useLocale();
  const wan = (v: string | null) => (v === null ? MISSING : formatWan(v, locale, { unit: false }));
  const reviewable = rows.filter((r) => r.status === 'SUBMITTED');
  const canAct = (row: ReviewQueueRow) => canReview && row.status === 'SUBMITTED';

  const columns: DataTableColumn[] = (
    [
      {
        id: 'select',
        header:
          canReview && reviewable.length > 0 ? (
            <input
              type="checkbox"
              aria-label={t('selectAll')}
              checked={reviewable.every((r) => selected.has(r.reportId))}
              onChange={(e) => onSelectAll(e.target.checked)}
              data-testid="review-select-all"
            />
          ) : null,
        headerClassName: 'w-8',
      },
      { id: 'project', header: t('columns.project'), className: 'min-w-48' },
      // The queue fits 1232 px (a 1280 px projector) without scrolling sideways, 提示 and 操作 in view: long
      // department names, the amount headers (before their unit), flags and the two buttons may wrap.
      { id: 'department', header: t('columns.department'), className: 'min-w-24' },
      {
        id: 'invested',
        header: t('columns.invested'),
        align: 'end',
        className: 'tabular-nums font-medium',
        headerClassName: WRAPPING_HEADER,
      },
      {
        id: 'previous',
        header: t('columns.previous'),
        align: 'end',
        className: 'tabular-nums text-slate-600',
        headerClassName: WRAPPING_HEADER,
      },
      { id: 'ytd', header: t('columns.ytd'), align: 'end', className: 'tabular-nums whitespace-nowrap' },
      { id: 'progress', header: t('columns.progress'), className: 'min-w-48 text-xs' },
      { id: 'flags', header: t('columns.flags'), className: 'min-w-28' },
      { id: 'status', header: t('columns.status') },
      { id: 'actions', header: t('columns.actions') },
    ] satisfies DataTableColumn[]
  ).map((c) => ({ ...c, className: `align-top ${c.className ?? ''}` }));

  const tableRows = rows.map((row): DataTableRow => ({
    id: String(row.reportId),
    testId: 'review-row',
    attrs: { 'data-project': row.name },
    className: row.flags.length > 0 ? 'bg-amber-50/40' : undefined,
    cells: {
      select: canAct(row) && (
        <input
          type="checkbox"
          aria-label={t('select', { project: row.name })}
          checked={selected.has(row.reportId)}
          onChange={(e) => onToggle(row.reportId, e.target.checked)}
          data-testid="review-select"
        />
      ),
      project: (
        <>
          <Link href={`/projects/${row.projectId}`} className="font-medium text-brand-800 hover:underline">
            {row.name}
          </Link>
          <div className="text-xs text-slate-500">
            <span className="font-mono">{row.code}</span> · {tStage(row.stage)}
            {row.revisions > 0 && (
              <Badge variant="neutral" className="ml-1">
                {t('restated', { count: row.revisions })}
              </Badge>
            )}
          </div>
        </>
      ),
      department: row.departmentName,
      invested: <span data-testid="review-invested">{wan(row.invested)}</span>,
      previous: wan(row.previousInvested),
      ytd: (
        <>
          {wan(row.ytd)}
          <div className="text-xs text-slate-500">
            {row.annualPlan === null
              ? t('noPlan')
              : t('ofPlan', { plan: wan(row.annualPlan), percent: formatPercent(row.ratePercent ?? '0', locale) })}
          </div>
        </>
      ),
      progress: (
        <>
          <div className="text-slate-900">{row.progressText || MISSING}</div>
          {row.previousProgressText !== null && (
            <div className="text-slate-500">{t('lastMonth', { text: row.previousProgressText || MISSING })}</div>
          )}
          {row.problems && <div className="text-amber-800">{t('problems', { text: row.problems })}</div>}
          {row.coordinationNeeded && (
            <div className="text-amber-800" data-testid="review-coordination">
              {t('coordination', { text: row.coordinationNeeded })}
            </div>
          )}
          {row.reviewComment && <div className="text-red-700">{t('comment', { text: row.reviewComment })}</div>}
          <ReviewEvidence evidence={evidence?.[row.reportId]} onOpen={(a) => onOpenEvidence?.(row, a)} />
        </>
      ),
      flags: (
        <div className="flex flex-col gap-1" data-testid="review-flags">
          {row.flags.map((f) => (
            <Badge key={f} variant="warning" data-flag={f} className="whitespace-normal">
              {tFlag(f)}
            </Badge>
          ))}
          {row.explanation && (
            <p className="max-w-56 text-xs text-slate-700" data-testid="review-explanation">
              {row.explanation}
            </p>
          )}
        </div>
      ),
      status: <ReportStatusBadge status={row.status} testId="review-status" />,
      actions: (
        <div className="flex flex-col gap-2">
          {canAct(row) && (
            <div className="flex flex-wrap gap-2">
              <Button
                type="button"
                size="sm"
                disabled={busy}
                onClick={() => onApprove(row.reportId)}
                data-testid="review-approve"
              >
                {tr('approve')}
              </Button>
              <Button
                type="button"
                size="sm"
                variant="secondary"
                disabled={busy}
                onClick={() => onReturn(row.reportId)}
                data-testid="review-return"
              >
                {tr('return')}
              </Button>
            </div>
          )}
          {canRaise && <RaiseProblemButtons row={row} />}
        </div>
      ),
    },
  }));

  return (
    <DataTable
      testId="review-table"
      ariaLabel={t('tableLabel')}
      className="rounded-lg border border-slate-200 bg-white"
      columns={columns}
      rows={tableRows}
      empty={<span data-testid="review-empty">{t('empty')}</span>}
    />
  );
}
