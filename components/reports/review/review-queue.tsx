'use client';

import { useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { ReportStatusBadge } from '@/components/reports/report-status-badge';
import { Textarea } from '@/components/forms/textarea';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { approveReports, returnReports } from '@/lib/actions/reports';
import { formatPercent, formatWan, MISSING } from '@/lib/format';
import type { ReviewQueueRow } from '@/lib/server/reports/get-review-queue';
import { cn } from '@/lib/utils';
import { isReportMessageKey } from '@/lib/validations/report';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/**
 * The review queue's table: each report beside the previous month and the plan, its flags first. Approve or
 * return one report, or the ticked ones together; a batch goes through whole or not at all.
 */
export function ReviewQueueTable({ rows, canReview }: { rows: ReviewQueueRow[]; canReview: boolean }) {
  const t = useTranslations('reports.queue');
  const tr = useTranslations('reports.review');
  const tFlag = useTranslations('reports.flagLabels');
  const tStage = useTranslations('enums.stage');
  const tv = useTranslations('validation');
  const locale = useLocale();
  const router = useRouter();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [returning, setReturning] = useState<readonly number[] | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const reviewable = rows.filter((r) => r.status === 'SUBMITTED');
  const byId = new Map(rows.map((r) => [r.reportId, r]));
  const itemsOf = (ids: readonly number[]) => ids.map((id) => ({ reportId: id, version: byId.get(id)!.version }));

  async function approve(ids: readonly number[]) {
    setBusy(true);
    setNotice(null);
    try {
      const result = await approveReports({ reports: itemsOf(ids) });
      if (!result.ok) return setNotice({ kind: 'error', text: result.message });
      setSelected(new Set());
      setNotice({ kind: 'ok', text: t('approved', { count: result.data.length }) });
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  async function sendBack(ids: readonly number[]) {
    setBusy(true);
    setNotice(null);
    try {
      const result = await returnReports({ reports: itemsOf(ids), comment });
      if (!result.ok) {
        const key = result.fieldErrors?.comment?.[0];
        return setNotice({ kind: 'error', text: key ? (isReportMessageKey(key) ? tv(key) : key) : result.message });
      }
      setSelected(new Set());
      setReturning(null);
      setComment('');
      setNotice({ kind: 'ok', text: t('returned', { count: result.data.length }) });
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  const toggle = (id: number, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const wan = (v: string | null) => (v === null ? MISSING : formatWan(v, locale, { unit: false }));

  return (
    <div className="flex flex-col gap-3" data-testid="review-queue">
      {canReview && (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            type="button"
            disabled={busy || selected.size === 0}
            onClick={() => approve([...selected])}
            data-testid="review-approve-selected"
          >
            {t('approveSelected', { count: selected.size })}
          </Button>
          <Button
            type="button"
            variant="secondary"
            disabled={busy || selected.size === 0}
            onClick={() => setReturning([...selected])}
            data-testid="review-return-selected"
          >
            {t('returnSelected', { count: selected.size })}
          </Button>
        </div>
      )}
      {notice && (
        <p
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid={notice.kind === 'error' ? 'review-error' : 'review-message'}
          className={cn(
            'rounded-md border px-3 py-2 text-sm',
            notice.kind === 'error' ? 'border-red-200 bg-red-50 text-red-700' : 'border-emerald-200 bg-emerald-50 text-emerald-800',
          )}
        >
          {notice.text}
        </p>
      )}
      {returning && (
        <div className="flex flex-col gap-2 rounded-md border border-amber-200 bg-amber-50 p-3" data-testid="review-return-panel">
          <label htmlFor="review-comment" className="text-sm font-medium text-amber-900">
            {t('returnCommentFor', { count: returning.length })}
          </label>
          <Textarea
            id="review-comment"
            rows={2}
            value={comment}
            autoFocus
            onChange={(e) => setComment(e.target.value)}
            data-testid="review-return-comment"
          />
          <div className="flex gap-2">
            <Button type="button" disabled={busy} onClick={() => sendBack(returning)} data-testid="review-return-confirm">
              {busy ? tr('returning') : tr('returnConfirm')}
            </Button>
            <Button type="button" variant="secondary" disabled={busy} onClick={() => setReturning(null)}>
              {tr('cancel')}
            </Button>
          </div>
        </div>
      )}
      <div className="w-full overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full border-collapse text-sm" aria-label={t('tableLabel')}>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="w-8 border-b border-slate-200 px-2 py-2">
                {canReview && reviewable.length > 0 && (
                  <input
                    type="checkbox"
                    aria-label={t('selectAll')}
                    checked={reviewable.every((r) => selected.has(r.reportId))}
                    onChange={(e) => setSelected(e.target.checked ? new Set(reviewable.map((r) => r.reportId)) : new Set())}
                    data-testid="review-select-all"
                  />
                )}
              </th>
              {(['project', 'department', 'invested', 'previous', 'ytd', 'progress', 'flags', 'status', 'actions'] as const).map((col) => (
                <th
                  key={col}
                  scope="col"
                  className={cn(
                    'border-b border-slate-200 px-2 py-2 font-medium whitespace-nowrap',
                    ['invested', 'previous', 'ytd'].includes(col) ? 'text-right' : 'text-left',
                  )}
                >
                  {t(`columns.${col}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 && (
              <tr>
                <td colSpan={10} className="px-3 py-8 text-center text-slate-500" data-testid="review-empty">
                  {t('empty')}
                </td>
              </tr>
            )}
            {rows.map((row) => (
              <tr
                key={row.reportId}
                className={cn('align-top', row.flags.length > 0 && 'bg-amber-50/40')}
                data-testid="review-row"
                data-project={row.name}
              >
                <td className="px-2 py-2">
                  {canReview && row.status === 'SUBMITTED' && (
                    <input
                      type="checkbox"
                      aria-label={t('select', { project: row.name })}
                      checked={selected.has(row.reportId)}
                      onChange={(e) => toggle(row.reportId, e.target.checked)}
                      data-testid="review-select"
                    />
                  )}
                </td>
                <td className="min-w-48 px-2 py-2">
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
                </td>
                <td className="px-2 py-2 whitespace-nowrap">{row.departmentName}</td>
                <td className="px-2 py-2 text-right tabular-nums font-medium" data-testid="review-invested">
                  {wan(row.invested)}
                </td>
                <td className="px-2 py-2 text-right tabular-nums text-slate-600">{wan(row.previousInvested)}</td>
                <td className="px-2 py-2 text-right tabular-nums whitespace-nowrap">
                  {wan(row.ytd)}
                  <div className="text-xs text-slate-500">
                    {row.annualPlan === null
                      ? t('noPlan')
                      : t('ofPlan', { plan: wan(row.annualPlan), percent: formatPercent(row.ratePercent ?? '0', locale) })}
                  </div>
                </td>
                <td className="min-w-56 px-2 py-2 text-xs">
                  <div className="text-slate-900">{row.progressText || MISSING}</div>
                  {row.previousProgressText !== null && (
                    <div className="text-slate-500">{t('lastMonth', { text: row.previousProgressText || MISSING })}</div>
                  )}
                  {row.problems && <div className="text-amber-800">{t('problems', { text: row.problems })}</div>}
                  {row.reviewComment && <div className="text-red-700">{t('comment', { text: row.reviewComment })}</div>}
                </td>
                <td className="px-2 py-2">
                  <div className="flex flex-col gap-1" data-testid="review-flags">
                    {row.flags.map((f) => (
                      <Badge key={f} variant="warning" data-flag={f}>
                        {tFlag(f)}
                      </Badge>
                    ))}
                  </div>
                </td>
                <td className="px-2 py-2">
                  <ReportStatusBadge status={row.status} testId="review-status" />
                </td>
                <td className="px-2 py-2 whitespace-nowrap">
                  {canReview && row.status === 'SUBMITTED' && (
                    <div className="flex gap-2">
                      <Button type="button" size="sm" disabled={busy} onClick={() => approve([row.reportId])} data-testid="review-approve">
                        {tr('approve')}
                      </Button>
                      <Button
                        type="button"
                        size="sm"
                        variant="secondary"
                        disabled={busy}
                        onClick={() => setReturning([row.reportId])}
                        data-testid="review-return"
                      >
                        {tr('return')}
                      </Button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
