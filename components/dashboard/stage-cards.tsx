import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/data-table/data-table';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatCount, formatPercent, MISSING } from '@/lib/format';
import type { Rollup } from '@/lib/server/dashboard/get-rollup';
import { CutTable } from './cut-table';
import { rollupTotal } from './cut-cards';

/** The four stages with 开工率 and 竣工率. */
export async function StageCard({ rollup }: { rollup: Rollup }) {
  const [locale, t, tStage] = await Promise.all([
    getLocale(),
    getTranslations('dashboard'),
    getTranslations('enums.stage'),
  ]);
  const pct = (p: string | null) => (p === null ? MISSING : formatPercent(p, locale));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('stages.title')}</CardTitle>
        <CardDescription data-testid="start-completion-rates">
          {t('stages.rates', {
            startRate: pct(rollup.starts.percent),
            started: rollup.starts.started,
            starts: rollup.starts.planned,
            completionRate: pct(rollup.completions.percent),
            completed: rollup.completions.completed,
            completions: rollup.completions.planned,
          })}
        </CardDescription>
      </CardHeader>
      <CutTable
        title={t('cuts.stage')}
        cuts={rollup.byStage}
        labelOf={(c) => tStage(c.key)}
        total={rollupTotal(rollup)}
        testId="cut-stage"
      />
    </Card>
  );
}

/** The 前期 projects: how many reached each preliminary milestone, and how many are ready to start. */
export async function PreliminaryCard({ rollup }: { rollup: Rollup }) {
  const [locale, t, tMilestone] = await Promise.all([
    getLocale(),
    getTranslations('dashboard.preliminary'),
    getTranslations('enums.milestoneKind'),
  ]);
  const { total, milestones, readyToStart } = rollup.preliminary;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title', { count: total })}</CardTitle>
        <CardDescription data-testid="ready-to-start">{t('ready', { count: readyToStart })}</CardDescription>
      </CardHeader>
      <DataTable
        testId="preliminary-milestones"
        ariaLabel={t('title', { count: total })}
        columns={[
          { id: 'kind', header: t('milestone'), rowHeader: true },
          { id: 'reached', header: t('reached'), align: 'end', className: 'tabular-nums' },
          { id: 'share', header: t('share'), align: 'end', className: 'tabular-nums' },
        ]}
        rows={milestones.map((m) => ({
          id: m.kind,
          cells: {
            kind: tMilestone(m.kind),
            reached: formatCount(m.reached, locale),
            share: total ? formatPercent(String((m.reached * 100) / total), locale) : MISSING,
          },
        }))}
      />
    </Card>
  );
}
