import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import type { PlanReconciliation } from '@/lib/domain/reconciliation';
import { formatCount, formatYi } from '@/lib/format';
import { STAGE_ORDER } from './line-labels';

function Figure({ label, value, children }: { label: string; value: string; children?: React.ReactNode }) {
  return (
    <Card className="flex flex-col gap-1 px-5 py-4">
      <h2 className="text-sm text-slate-500">{label}</h2>
      <p className="text-3xl font-semibold tracking-tight text-brand-900 tabular-nums">{value}</p>
      {children && <div className="text-sm text-slate-600">{children}</div>}
    </Card>
  );
}

/** The three numbers leaders quote: project count by stage, annual plan, total investment (database figures). */
export async function PlanHeadline({ plan }: { plan: PlanReconciliation }) {
  const [locale, t, tStage] = await Promise.all([
    getLocale(),
    getTranslations('plan.cards'),
    getTranslations('enums.stage'),
  ]);
  const total = plan.lines.find((l) => l.cut === 'TOTAL');
  const stageCounts = STAGE_ORDER.map((stage) => ({
    stage,
    count: plan.lines.find((l) => l.cut === 'STAGE' && l.key === stage)?.actual.projectCount ?? 0,
  }));
  const annualPlan = total?.actual.amount ?? plan.approvedInvestment;

  return (
    <div className="grid gap-4 md:grid-cols-3" data-testid="plan-headline">
      <Figure label={t('projects')} value={t('projectsValue', { count: formatCount(plan.projectCount, locale) })}>
        <p className="flex flex-wrap gap-x-1.5">
          {stageCounts.map(({ stage, count }, index) => (
            <span key={stage} className="whitespace-nowrap" data-testid={`stage-count-${stage}`}>
              {index > 0 && (
                <span aria-hidden className="mr-1.5 text-slate-300">
                  ·
                </span>
              )}
              {t('stageSummary', { stage: tStage(stage), count: formatCount(count, locale) })}
            </span>
          ))}
        </p>
      </Figure>
      <Figure label={t('annualPlan')} value={formatYi(annualPlan, locale)}>
        {total && <p>{t('annualPlanHint', { count: formatCount(total.actual.projectCount, locale) })}</p>}
        <p className="text-slate-500">{t('approved', { amount: formatYi(plan.approvedInvestment, locale) })}</p>
      </Figure>
      <Figure label={t('totalInvestment')} value={formatYi(plan.totalInvestment, locale)}>
        <p>{t('totalInvestmentHint', { count: formatCount(plan.projectCount, locale) })}</p>
      </Figure>
    </div>
  );
}
