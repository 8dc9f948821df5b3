import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatPercent, formatWan, MISSING } from '@/lib/format';
import type { ProjectPlanDetail } from '@/lib/server/projects/get-project';
import { Field } from './project-attributes';
import { planRate } from './project-list-table';

/** The project's plan for one year and how far the approved reports have got against it. */
export async function ProjectPlanCard({ plan }: { plan: ProjectPlanDetail }) {
  const [locale, t, tEnums] = await Promise.all([
    getLocale(),
    getTranslations('projects.detail.plan'),
    getTranslations('enums'),
  ]);
  const rate = planRate(plan.totals.approved, plan.annualPlan);
  return (
    <Card data-testid="project-plan">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {t('title', { year: String(plan.year) })}
          <Badge variant={plan.planYearStatus === 'ACTIVE' ? 'brand' : 'neutral'}>
            {tEnums(`planYearStatus.${plan.planYearStatus}`)}
          </Badge>
        </CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          <Field label={t('stage')} value={tEnums(`stage.${plan.stage}`)} testId="plan-stage" />
          <Field label={t('investorType')} value={tEnums(`investor.${plan.investorType}`)} />
          <Field label={t('direction')} value={tEnums(`direction.${plan.direction}`)} />
          <Field label={t('cumulativeBeforeYear')} value={formatWan(plan.cumulativeBeforeYear, locale)} />
          <Field
            label={t('annualPlan')}
            value={plan.annualPlan === null ? t('noAnnualPlan') : formatWan(plan.annualPlan, locale)}
            testId="plan-annual"
          />
          <Field label={t('ytdApproved')} value={formatWan(plan.totals.approved, locale)} testId="plan-ytd-approved" />
          <Field label={t('rate')} value={rate === null ? MISSING : formatPercent(rate, locale)} testId="plan-rate" />
          <Field label={t('currentMonth')} value={t('monthValue', { month: plan.currentMonth })} />
          <Field label={t('milestoneTarget')} value={plan.milestoneTarget} wide />
        </dl>
      </CardContent>
    </Card>
  );
}
