import { getLocale, getTranslations } from 'next-intl/server';
import { formatWan } from '@/lib/format';
import type { AuditValue } from '@/lib/server/audit';
import { fieldChanges, type AuditRow } from '@/lib/server/audit/audit-row';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';
import type { AuditLabels } from './audit-labels';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** 万元 columns, which the trail stores as the database's exact decimal ("1234.5") and tables show as "1,234.50". */
const MONEY_FIELDS = new Set([
  'investedThisMonth',
  'annualPlan',
  'totalInvestment',
  'cumulativeBeforeYear',
  'approvedInvestment',
  'amount',
]);

/** A stored value as a person reads it: instants in Chongqing time, states by name, the rest exactly as stored. */
function Value({
  field,
  value,
  labels,
  empty,
  locale,
}: {
  field: string;
  value: AuditValue;
  labels: AuditLabels;
  empty: string;
  locale: string;
}) {
  if (value === null || value === '') return <span className="text-slate-400">{empty}</span>;
  if (MONEY_FIELDS.has(field) && (typeof value === 'number' || (typeof value === 'string' && DECIMAL.test(value)))) {
    return <span className="tabular-nums">{formatWan(String(value), locale, { unit: false })}</span>;
  }
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value)) return <span className="tabular-nums">{formatChongqingTime(value)}</span>;
    if (field === 'status') return <span>{labels.status(value) ?? value}</span>;
    // a file's SHA-256 or a long name has no space to break at: it wraps anywhere rather than widen the table
    return <span className="[overflow-wrap:anywhere] whitespace-pre-line">{value}</span>;
  }
  if (typeof value === 'number' || typeof value === 'boolean')
    return <span className="tabular-nums">{String(value)}</span>;
  return <code className="text-xs break-all">{JSON.stringify(value)}</code>;
}

/** The fields an audit row changed, each as before → after. */
export async function AuditChanges({
  row,
  labels,
}: {
  row: Pick<AuditRow, 'before' | 'after' | 'reason'>;
  labels: AuditLabels;
}) {
  const [t, locale] = await Promise.all([getTranslations('audit.changes'), getLocale()]);
  const changes = fieldChanges(row);
  const created = row.before === null && row.after !== null;
  return (
    <div className="flex flex-col gap-1 text-xs" data-testid="audit-changes">
      {created && <span className="font-medium text-emerald-700">{t('created')}</span>}
      {changes.length === 0 && !row.reason && <span className="text-slate-400">{t('none')}</span>}
      {changes.length > 0 && (
        <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1">
          {changes.map(({ field, before, after }) => (
            <div key={field} className="contents" data-testid={`audit-change-${field}`}>
              <dt className="text-slate-500">{labels.field(field)}</dt>
              <dd className="min-w-0 text-slate-800">
                {!created && (
                  <>
                    <span className="text-red-700 line-through decoration-red-300" data-testid="audit-before">
                      <Value field={field} value={before} labels={labels} empty={t('empty')} locale={locale} />
                    </span>
                    <span aria-label={t('to')} className="mx-1.5 text-slate-400">
                      →
                    </span>
                  </>
                )}
                <span className="text-emerald-800" data-testid="audit-after">
                  <Value field={field} value={after} labels={labels} empty={t('empty')} locale={locale} />
                </span>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {row.reason && <p className="text-slate-600">{t('reason', { reason: row.reason })}</p>}
    </div>
  );
}
