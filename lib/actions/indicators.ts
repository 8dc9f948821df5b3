'use server';

/**
 * Plan indicator actions (附件2): the responsible department (or the bureau) enters a period's actual, as a draft or
 * submitted; the bureau approves it (judging a target that is not a comparison) or returns it with a reason. The
 * writes are lib/server/indicators/indicator-writes.ts; the status rules lib/domain/indicators.
 */
import { defineAction } from '@/lib/actions/safe-action';
import {
  approveIndicatorActual as approve,
  enterIndicatorActual as enter,
  returnIndicatorActual as giveBack,
} from '@/lib/server/indicators/indicator-writes';
import { ZApproveIndicatorActual, ZEnterIndicatorActual, ZReturnIndicatorActual } from '@/lib/validations/indicator';

const REVALIDATE = ['/plan/indicators', '/dashboard'];

/** Saves a period's actual as a draft, or submits it to the bureau (`submit`); a returned one is fixed the same way. */
export const enterIndicatorActual = defineAction({
  name: 'indicator.enterActual',
  permission: 'indicator.report',
  input: ZEnterIndicatorActual,
  revalidate: REVALIDATE,
  run: enter,
});

export const approveIndicatorActual = defineAction({
  name: 'indicator.approveActual',
  permission: 'indicator.review',
  input: ZApproveIndicatorActual,
  revalidate: REVALIDATE,
  run: approve,
});

/** Sends a submitted actual back to its department with the reason, shown beside the entry form. */
export const returnIndicatorActual = defineAction({
  name: 'indicator.returnActual',
  permission: 'indicator.review',
  input: ZReturnIndicatorActual,
  revalidate: REVALIDATE,
  run: giveBack,
});
