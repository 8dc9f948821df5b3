import { getTranslations } from 'next-intl/server';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { Attention } from '@/lib/server/dashboard/get-attention';
import type { Rollup } from '@/lib/server/dashboard/get-rollup';
import { ThresholdForm } from './threshold-form';
import { WarningList } from './warning-list';

/** Red and yellow counts over the whole plan, the warning lines (editable by the bureau), and the first red projects. */
export async function WarningsCard({
  rollup,
  attention,
  canEditThresholds,
}: {
  rollup: Rollup;
  attention: Attention;
  /** warning.manage, and the year not CLOSED: a closed year's warning lines are locked with its figures */
  canEditThresholds: boolean;
}) {
  const [t, tw] = await Promise.all([getTranslations('dashboard.warnings'), getTranslations()]);
  const { thresholds } = rollup;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription data-testid="warning-counts">
          {t('counts', { red: attention.red, yellow: attention.yellow })}{' '}
          {t('lines', { yellow: thresholds.yellowPoints, red: thresholds.redPoints })}
        </CardDescription>
      </CardHeader>
      {canEditThresholds && (
        <ThresholdForm year={rollup.year} yellowPoints={thresholds.yellowPoints} redPoints={thresholds.redPoints} />
      )}
      {attention.listScope === 'own' && (
        <p className="px-5 text-xs text-slate-500" data-testid="warning-list-own">
          {t('ownOnly', { count: attention.redListable })}
        </p>
      )}
      <WarningList
        projects={attention.redProjects}
        year={rollup.year}
        message={(key, values) => tw(key as never, values as never)}
      />
      {attention.redListable > attention.redProjects.length && (
        <p className="px-5 pb-4 text-xs text-slate-500" data-testid="warning-list-more">
          {t('showing', { shown: attention.redProjects.length, red: attention.redListable })}
        </p>
      )}
    </Card>
  );
}
