import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { ActualEntryForm } from '@/components/indicators/actual-entry-form';
import { ActualHistory } from '@/components/indicators/actual-history';
import { ActualReviewForm } from '@/components/indicators/actual-review-form';
import { periodText, readingText, StatusBadge } from '@/components/indicators/indicator-text';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { prisma } from '@/lib/db';
import { currentPeriod, PERIODS_PER_YEAR } from '@/lib/domain/indicators/status';
import { parseActualNumber } from '@/lib/domain/indicators/target';
import { listIndicators } from '@/lib/server/indicators/list-indicators';
import { pagePlanYear } from '@/lib/server/plan/page-plan-year';
import type { SearchParams } from '@/lib/search-params';
import { RECORD_ID_MAX } from '@/lib/validations/record-id';

type Params = Promise<{ id: string }>;

async function load(params: Params, searchParams: SearchParams) {
  const { id: raw } = await params;
  const id = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!(id > 0 && id <= RECORD_ID_MAX)) notFound();
  const { actor, year } = await pagePlanYear((await searchParams).year);
  if (year === null) notFound();
  const data = await listIndicators(prisma, actor, { year, indicatorId: id });
  const indicator = data?.indicators[0];
  if (!data || !indicator) notFound();
  return { data, indicator };
}

export async function generateMetadata(props: { params: Params; searchParams: SearchParams }): Promise<Metadata> {
  const { indicator } = await load(props.params, props.searchParams);
  return { title: indicator.name };
}

/** One indicator: its target and reading, its reported figures, the entry form and the bureau's review. */
export default async function IndicatorPage(props: { params: Params; searchParams: SearchParams }) {
  await connection();
  const { data, indicator } = await load(props.params, props.searchParams);
  const t = await getTranslations('indicators');
  const open = data.status !== 'CLOSED';
  const periods = Array.from({ length: PERIODS_PER_YEAR[indicator.frequency] }, (_, i) => i + 1).map((period) => {
    const a = indicator.actuals.find((x) => x.period === period);
    return {
      period,
      label: periodText(t, indicator.frequency, period),
      ...(a && {
        existing: {
          version: a.version,
          value: a.value,
          source: a.source,
          note: a.note,
          editable: a.status === 'DRAFT' || a.status === 'RETURNED',
        },
      }),
    };
  });
  const submitted = indicator.actuals.filter((a) => a.status === 'SUBMITTED');

  return (
    <div className="flex flex-col gap-6">
      <Link href={`/plan/indicators?year=${data.year}`} className="text-sm text-brand-700 hover:underline">
        {t('detail.back')}
      </Link>
      <div>
        <p className="text-sm text-slate-500">
          {indicator.seq}. {indicator.category} · {t(`nature.${indicator.nature}`)} · {indicator.unit}
        </p>
        <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-semibold text-slate-900">
          {indicator.name}
          <StatusBadge t={t} status={indicator.status} />
        </h1>
      </div>
      <Card>
        <CardContent className="grid gap-4 pt-6 sm:grid-cols-2 lg:grid-cols-4">
          <Fact label={t('columns.target')} value={indicator.targetText} note={readingText(t, indicator.comparison)} />
          <Fact label={t('columns.previous')} value={indicator.previousOutcome} />
          <Fact
            label={t('columns.department')}
            value={indicator.department.name}
            note={t(`frequency.${indicator.frequency}`)}
          />
          <Fact
            label={t('columns.status')}
            value={t(`status.${indicator.status}`)}
            note={t(`rule.${indicator.nature}`)}
          />
        </CardContent>
      </Card>
      {open &&
        indicator.canReview &&
        submitted.map((a) => (
          <ActualReviewForm
            key={a.id}
            actualId={a.id}
            version={a.version}
            needsJudgement={!indicator.comparison || parseActualNumber(a.value) === null}
            title={t('review.title', { period: periodText(t, indicator.frequency, a.period) })}
          />
        ))}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader>
            <CardTitle>{t('detail.history')}</CardTitle>
          </CardHeader>
          <CardContent>
            <ActualHistory indicator={indicator} />
          </CardContent>
        </Card>
        {open && indicator.canReport ? (
          <Card>
            <CardHeader>
              <CardTitle>{t('form.title')}</CardTitle>
            </CardHeader>
            <CardContent>
              <ActualEntryForm
                indicatorId={indicator.id}
                periods={periods}
                initialPeriod={currentPeriod(indicator.frequency, data.currentMonth)}
              />
            </CardContent>
          </Card>
        ) : (
          !open && <p className="text-sm text-slate-500">{t('detail.closed')}</p>
        )}
      </div>
    </div>
  );
}

function Fact({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="flex flex-col gap-0.5">
      <span className="text-xs text-slate-500">{label}</span>
      <span className="font-medium text-slate-900">{value}</span>
      {note && <span className="text-xs text-slate-500">{note}</span>}
    </div>
  );
}
