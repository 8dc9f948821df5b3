'use server';

import { defineAction } from '@/lib/actions/safe-action';
import { assertPlanYearOpen } from '@/lib/server/admin/plan-year-lock';
import { diffRecords } from '@/lib/server/audit';
import { NotFoundError } from '@/lib/server/errors';
import { ZWarningThresholds } from '@/lib/validations/warnings';

/** The bureau sets how far behind 序时进度 a project may fall before it is yellow, and red, for one plan year. */
export const setWarningThresholds = defineAction({
  name: 'planYear.setWarningThresholds',
  permission: 'warning.manage',
  input: ZWarningThresholds,
  revalidate: ['/dashboard', '/projects'],
  async run({ tx, input, audit }) {
    const before = await tx.planYear.findUnique({
      where: { year: input.year },
      select: { id: true, paceYellowPoints: true, paceRedPoints: true },
    });
    if (!before) throw new NotFoundError('planYear');
    // the lines decide a closed year's red and yellow counts, which are as final as its figures
    await assertPlanYearOpen(tx, before.id);
    const after = await tx.planYear.update({
      where: { id: before.id },
      data: { paceYellowPoints: input.yellowPoints, paceRedPoints: input.redPoints },
      select: { paceYellowPoints: true, paceRedPoints: true },
    });
    const diff = diffRecords({ paceYellowPoints: before.paceYellowPoints, paceRedPoints: before.paceRedPoints }, after);
    if (diff.changed.length > 0) {
      await audit({
        action: 'planYear.setWarningThresholds',
        entity: 'PlanYear',
        entityId: before.id,
        before: diff.before,
        after: diff.after,
      });
    }
    return { yellowPoints: after.paceYellowPoints.toFixed(2), redPoints: after.paceRedPoints.toFixed(2) };
  },
});
