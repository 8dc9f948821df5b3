'use client';

import { useTranslations } from 'next-intl';
import type { MonthSheetView } from '@/lib/actions/month-sheet';

/** The check's table: every row with its outcome, each change old → new, each problem by column. */
export function MonthSheetResult({ result }: { result: MonthSheetView }) {
  const t = useTranslations('monthSheet');
  const writes = result.counts.create + result.counts.update;
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="month-sheet-result">
      {result.fileProblems.map((p) => (
        <p key={p} role="alert" className="text-red-700">
          {p}
        </p>
      ))}
      <p className="text-slate-700" data-testid="month-sheet-counts">
        {t('counts', result.counts)}
      </p>
      {result.committed ? (
        <p role="status" className="text-emerald-800" data-testid="month-sheet-committed">
          {t('committed', { count: writes })}
        </p>
      ) : result.counts.refused > 0 ? (
        <p role="alert" className="text-red-700">
          {t('refusedNote', { count: result.counts.refused })}
        </p>
      ) : (
        writes === 0 && <p className="text-slate-600">{t('nothingToSave')}</p>
      )}
      <div className="max-h-96 overflow-auto rounded border border-slate-200">
        <table className="w-full border-collapse text-xs">
          <thead className="sticky top-0 bg-slate-50 text-slate-600">
            <tr>
              {(['row', 'project', 'outcome', 'details'] as const).map((c) => (
                <th key={c} scope="col" className="border-b border-slate-200 px-2 py-1 text-left font-medium">
                  {t(`columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows
              .filter((r) => r.outcome !== 'unchanged')
              .map((r) => (
                <tr key={r.row} className="border-b border-slate-100 align-top" data-testid="month-sheet-row">
                  <td className="px-2 py-1">{r.row}</td>
                  <td className="px-2 py-1">
                    {r.code}
                    {r.name && <span className="block text-slate-500">{r.name}</span>}
                  </td>
                  <td className="px-2 py-1 whitespace-nowrap" data-outcome={r.outcome}>
                    {t(`outcome.${r.outcome}`)}
                  </td>
                  <td className="px-2 py-1">
                    <ul>
                      {r.problems.map((p, i) => (
                        <li key={`p${i}`} className={r.outcome === 'refused' ? 'text-red-700' : 'text-slate-600'}>
                          {p.column && `${p.column}：`}
                          {p.message}
                        </li>
                      ))}
                      {r.changes.map((c) => (
                        <li key={c.column}>
                          {c.column}：{c.before || '—'} → {c.after || '—'}
                        </li>
                      ))}
                      {r.flags.length > 0 && (
                        <li className="text-amber-800">{t('flags', { flags: r.flags.join('、') })}</li>
                      )}
                    </ul>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
