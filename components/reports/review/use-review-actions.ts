'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { approveReports, returnReports } from '@/lib/actions/reports';
import type { ReviewQueueRow } from '@/lib/server/reports/get-review-queue';
import { isReportMessageKey } from '@/lib/validations/report';

export type ReviewNotice = { kind: 'ok' | 'error'; text: string } | null;

/**
 * The queue's two actions on a set of reports, each naming the version it read: approve, or return with a comment.
 * A batch goes through whole or not at all; on success the selection clears and the page re-renders from the server.
 */
export function useReviewActions(rows: readonly ReviewQueueRow[]) {
  const t = useTranslations('reports.queue');
  const tv = useTranslations('validation');
  const router = useRouter();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [returning, setReturning] = useState<readonly number[] | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ReviewNotice>(null);

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

  return {
    selected,
    setSelected,
    toggle,
    returning,
    setReturning,
    comment,
    setComment,
    busy,
    notice,
    approve,
    sendBack,
  };
}
