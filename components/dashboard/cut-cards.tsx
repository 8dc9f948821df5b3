import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { withPreliminaryLine, type Rollup } from '@/lib/server/dashboard/get-rollup';
import { CutTable } from './cut-table';

/** The district total every cut's footer repeats, so each visibly adds up to the headline. */
export function rollupTotal(rollup: Rollup) {
  return {
    count: rollup.projectCount,
    annualPlan: rollup.annualPlan,
    completed: rollup.completed,
    percent: rollup.percentOfPlan,
  };
}

/**
 * The cuts by investor type and by direction, side by side (construction projects, as the plan report counts them,
 * and the 前期 projects in a line of their own), then by area.
 */
export async function CutCards({ rollup }: { rollup: Rollup }) {
  const [t, tInvestor, tDirection] = await Promise.all([
    getTranslations('dashboard.cuts'),
    getTranslations('enums.investor'),
    getTranslations('enums.direction'),
  ]);
  const total = rollupTotal(rollup);
  return (
    <>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card>
          <CutTable
            title={t('investor')}
            cuts={withPreliminaryLine(rollup.byInvestor, rollup)}
            labelOf={(c) => (c.key === 'PRELIMINARY' ? t('preliminaryLine') : tInvestor(c.key))}
            total={total}
            testId="cut-investor"
          />
        </Card>
        <Card>
          <CutTable
            title={t('direction')}
            cuts={withPreliminaryLine(rollup.byDirection, rollup)}
            labelOf={(c) => (c.key === 'PRELIMINARY' ? t('preliminaryLine') : tDirection(c.key))}
            total={total}
            testId="cut-direction"
          />
        </Card>
      </div>
      <Card>
        <CutTable title={t('area')} cuts={rollup.byArea} total={total} testId="cut-area" />
      </Card>
    </>
  );
}
