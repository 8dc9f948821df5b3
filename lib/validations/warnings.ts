import { z } from 'zod';
import { toHalfWidth } from '@/lib/domain/money-text';

/**
 * The pace-warning thresholds of a plan year, in percentage points behind 序时进度, set by the bureau. Messages are
 * keys under `validation` in messages/*.json, shared by the dashboard's form and the action.
 */
const points = z.string({ error: 'warningPointsInvalid' }).transform((raw, ctx) => {
  const text = toHalfWidth(raw).trim();
  const n = /^\d{1,2}(\.\d{1,2})?$|^100(\.0{1,2})?$/.test(text) ? Number(text) : Number.NaN;
  if (!(n > 0 && n <= 100)) {
    ctx.addIssue({ code: 'custom', message: 'warningPointsInvalid' });
    return z.NEVER;
  }
  return n.toFixed(2);
});

export const ZWarningThresholds = z
  .object({
    year: z.coerce.number({ error: 'warningYearInvalid' }).int({ error: 'warningYearInvalid' }).min(2000).max(2100),
    yellowPoints: points,
    redPoints: points,
  })
  .superRefine((value, ctx) => {
    if (Number(value.redPoints) < Number(value.yellowPoints)) {
      ctx.addIssue({ code: 'custom', path: ['redPoints'], message: 'warningRedBelowYellow' });
    }
  });
