'use server';

/**
 * Opening the next plan year with the closed year's unfinished projects (the bureau's carry-over wizard,
 * /plan/carry-over): the wrapper around lib/server/plan/open-next-plan-year.ts.
 */
import { defineAction } from '@/lib/actions/safe-action';
import { openNextPlanYear as open } from '@/lib/server/plan/open-next-plan-year';
import { ZOpenNextPlanYear } from '@/lib/validations/carry-over';

export const openNextPlanYear = defineAction({
  name: 'planYear.carryOver',
  permission: 'planYear.carryOver',
  input: ZOpenNextPlanYear,
  revalidate: ['/plan', '/plan/carry-over', '/admin/plan-years', '/projects'],
  run: open,
});
