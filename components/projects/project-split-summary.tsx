'use client';

import { useTranslations } from 'next-intl';
import { parseMoneyText } from '@/lib/domain/money-text';
import { remainingInvestment, splitDifference } from '@/lib/domain/plan-invariants';

/** A typed amount as an exact string, or null while it is empty or not yet a number. */
function amountOf(raw: string): string | null {
  const parsed = parseMoneyText(raw);
  return parsed.ok ? parsed.value : null;
}

/**
 * The live line under the twelve months: what they add up to and how far that is from the annual plan, so the
 * difference is visible while typing, plus the most the annual plan may be. Computed exactly with decimal.js.
 */
export function ProjectSplitSummary({
  id,
  preliminary,
  annualPlan,
  monthly,
  totalInvestment,
  cumulativeBeforeYear,
}: {
  id: string;
  preliminary: boolean;
  annualPlan: string;
  monthly: string[];
  totalInvestment: string;
  cumulativeBeforeYear: string;
}) {
  const t = useTranslations('projectEdit');
  if (preliminary) {
    return (
      <p id={id} className="text-sm text-slate-600" data-testid="pf-split-summary">
        {t('preliminaryNote')}
      </p>
    );
  }
  const plan = amountOf(annualPlan);
  const months = monthly.map((m) => (m.trim() === '' ? null : amountOf(m)));
  const difference = splitDifference(plan ?? '0', months);
  const sum = difference === null ? null : difference.plus(plan ?? '0');
  const total = amountOf(totalInvestment);
  const before = amountOf(cumulativeBeforeYear);
  const remaining = total !== null && before !== null ? remainingInvestment(total, before).toFixed(2) : null;

  return (
    <div id={id} className="flex flex-col gap-0.5 text-sm" aria-live="polite">
      {difference !== null && sum !== null && (
        <p className={difference.isZero() ? 'text-emerald-700' : 'text-amber-800'} data-testid="pf-split-summary">
          {difference.isZero()
            ? t('splitMatches', { sum: sum.toFixed(2) })
            : t('splitSummary', {
                sum: sum.toFixed(2),
                annualPlan: plan ?? '0.00',
                difference: (difference.isPositive() ? '+' : '') + difference.toFixed(2),
              })}
        </p>
      )}
      {remaining !== null && (
        <p className="text-slate-600" data-testid="pf-remaining">
          {t('remaining', { remaining })}
        </p>
      )}
    </div>
  );
}
