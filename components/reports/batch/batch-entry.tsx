'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { submitReports } from '@/lib/actions/reports';
import type { ReportStatus } from '@/generated/prisma/enums';
import type { AttachmentSummary } from '@/lib/server/attachments/attachment-summary';
import type { BatchEntryRow } from '@/lib/server/reports/get-batch-entry';
import { BatchRow, type RowHandle } from './batch-row';

export interface BatchEntryProps {
  year: number;
  month: number;
  rows: BatchEntryRow[];
  /** the plan year is open and the month has come: figures can be entered */
  writable: boolean;
  canSubmit: boolean;
  /** the attachments of the rows' reports */
  attachments: readonly AttachmentSummary[];
}

const NONE: readonly AttachmentSummary[] = [];

type Notice = { kind: 'ok' | 'error'; text: string } | null;

const EDITABLE: readonly (ReportStatus | null)[] = [null, 'DRAFT', 'RETURNED'];

/**
 * A department's month on one screen. Each row is its own small form that saves itself (drafts save as you
 * leave a row); submitting saves what is unsaved first, then hands the chosen reports to the bureau in one
 * all-or-nothing action. Keyboard: Enter moves down a column, Ctrl+S saves every row, Ctrl+Enter submits.
 */
export function BatchEntry({ year, month, rows, writable, canSubmit, attachments }: BatchEntryProps) {
  const t = useTranslations('reports.batch');
  const router = useRouter();
  const handles = useRef(new Map<number, RowHandle>());
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const tableRef = useRef<HTMLDivElement>(null);

  const editableIds = useMemo(
    () => rows.filter((r) => EDITABLE.includes(r.report?.status ?? null)).map((r) => r.planId),
    [rows],
  );
  const attachmentsOf = useMemo(() => {
    const byReport = new Map<number, AttachmentSummary[]>();
    for (const a of attachments)
      if (a.reportId !== null) byReport.set(a.reportId, [...(byReport.get(a.reportId) ?? []), a]);
    return byReport;
  }, [attachments]);
  const register = useCallback((planId: number, handle: RowHandle | null) => {
    if (handle) handles.current.set(planId, handle);
    else handles.current.delete(planId);
  }, []);

  /** Saves every row with unsaved edits; true when all saved. */
  const saveAll = useCallback(async (): Promise<boolean> => {
    let ok = true;
    for (const handle of handles.current.values()) {
      if (!handle.isDirty()) continue;
      if (!(await handle.flush())) ok = false;
    }
    return ok;
  }, []);

  const submit = useCallback(
    async (planIds: readonly number[]) => {
      if (planIds.length === 0) {
        setNotice({ kind: 'error', text: t('nothingSelected') });
        return;
      }
      setBusy('submit');
      setNotice(null);
      try {
        const reports: { reportId: number; version: number }[] = [];
        for (const planId of planIds) {
          const saved = await handles.current.get(planId)?.flush();
          if (!saved) {
            setNotice({ kind: 'error', text: t('fixRowsFirst') });
            return;
          }
          reports.push(saved);
        }
        const result = await submitReports({ reports });
        if (!result.ok) {
          setNotice({ kind: 'error', text: result.message });
          return;
        }
        setSelected(new Set());
        setNotice({ kind: 'ok', text: t('submitted', { count: result.data.length }) });
        router.refresh();
      } finally {
        setBusy(null);
      }
    },
    [router, t],
  );

  const onSaveAll = useCallback(async () => {
    setBusy('save');
    setNotice(null);
    try {
      const ok = await saveAll();
      setNotice(ok ? { kind: 'ok', text: t('allSaved') } : { kind: 'error', text: t('fixRowsFirst') });
    } finally {
      setBusy(null);
    }
  }, [saveAll, t]);

  // Keyboard: Ctrl+S saves, Ctrl+Enter submits the selection (or every open row), Enter moves down a column.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void onSaveAll();
      } else if ((event.ctrlKey || event.metaKey) && event.key === 'Enter' && canSubmit) {
        event.preventDefault();
        void submit(selected.size ? [...selected] : editableIds);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onSaveAll, submit, selected, editableIds, canSubmit]);

  const onGridKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || target.tagName !== 'INPUT') return;
    const col = target.dataset.col;
    const row = Number(target.dataset.row);
    if (!col || Number.isNaN(row)) return;
    event.preventDefault();
    // the same column in the next row that can still be edited (submitted and approved rows are skipped)
    const column = [
      ...(tableRef.current?.querySelectorAll<HTMLInputElement>(`input[data-col="${col}"]:not(:disabled)`) ?? []),
    ];
    const ordered = event.shiftKey ? column.reverse() : column;
    const next = ordered.find((el) => (event.shiftKey ? Number(el.dataset.row) < row : Number(el.dataset.row) > row));
    next?.focus();
    next?.select();
  };

  const toggle = (planId: number, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(planId);
      else next.delete(planId);
      return next;
    });
  const allSelected = editableIds.length > 0 && editableIds.every((id) => selected.has(id));

  return (
    <div className="flex flex-col gap-3" data-testid="batch-entry">
      {writable && (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            type="button"
            variant="secondary"
            onClick={onSaveAll}
            disabled={busy !== null}
            data-testid="batch-save-all"
          >
            {busy === 'save' ? t('saving') : t('saveAll')}
          </Button>
          {canSubmit && (
            <>
              <Button
                type="button"
                onClick={() => submit([...selected])}
                disabled={busy !== null || selected.size === 0}
                data-testid="batch-submit-selected"
              >
                {t('submitSelected', { count: selected.size })}
              </Button>
              <Button
                type="button"
                variant="secondary"
                onClick={() => submit(editableIds)}
                disabled={busy !== null || editableIds.length === 0}
                data-testid="batch-submit-all"
              >
                {t('submitAll', { count: editableIds.length })}
              </Button>
            </>
          )}
          <span className="text-xs text-slate-500">{t('keyboardHint')}</span>
        </div>
      )}
      {notice && (
        <p
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid={notice.kind === 'error' ? 'batch-error' : 'batch-message'}
          className={
            notice.kind === 'error'
              ? 'rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700'
              : 'rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800'
          }
        >
          {notice.text}
        </p>
      )}
      {/* ten columns of fields are wider than a projector's 1280 px: the grid scrolls sideways (data-wide-grid tells
          the layout check so), and the 前期 line under a row stays in view */}
      <div
        ref={tableRef}
        onKeyDown={onGridKeyDown}
        data-wide-grid
        className="@container w-full overflow-x-auto rounded-lg border border-slate-200 bg-white"
      >
        <table className="w-full border-collapse text-sm" aria-label={t('tableLabel', { year, month })}>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="w-8 border-b border-slate-200 px-2 py-2">
                {writable && canSubmit && (
                  <input
                    type="checkbox"
                    aria-label={t('selectAll')}
                    checked={allSelected}
                    onChange={(e) => setSelected(e.target.checked ? new Set(editableIds) : new Set())}
                    data-testid="batch-select-all"
                  />
                )}
              </th>
              {(
                [
                  'project',
                  'invested',
                  'ytd',
                  'progress',
                  'percent',
                  'dates',
                  'problems',
                  'coordination',
                  'nextSteps',
                  'state',
                ] as const
              ).map((col) => (
                <th
                  key={col}
                  scope="col"
                  className="border-b border-slate-200 px-2 py-2 text-left font-medium whitespace-nowrap"
                >
                  {t(`columns.${col}`)}
                </th>
              ))}
            </tr>
          </thead>
          {rows.map((row, index) => (
            <BatchRow
              // a new version from the server (after submit) starts the row from the stored report
              key={`${row.planId}:${row.report?.version ?? 0}:${row.report?.status ?? ''}`}
              row={row}
              index={index}
              month={month}
              writable={writable}
              selectable={writable && canSubmit && EDITABLE.includes(row.report?.status ?? null)}
              selected={selected.has(row.planId)}
              onSelect={(on) => toggle(row.planId, on)}
              register={register}
              onSubmitOne={canSubmit ? () => submit([row.planId]) : undefined}
              attachments={(row.report && attachmentsOf.get(row.report.id)) || NONE}
            />
          ))}
        </table>
      </div>
    </div>
  );
}
