import { describe, expect, it } from 'vitest';
import { ZApproveIndicatorActual, ZEnterIndicatorActual, ZReturnIndicatorActual } from '@/lib/validations/indicator';

/**
 * The forms parse with these schemas and hand the parsed values to the actions, which parse them again: what a
 * schema outputs must be an input it accepts, or a valid form fails on the server with no field to show it on.
 */
describe('the indicator schemas', () => {
  it.each([
    [
      'enter',
      ZEnterIndicatorActual,
      { indicatorId: '3', period: '2', version: '0', value: ' ６.２ ', source: '区统计局', submit: 'true' },
    ],
    ['approve', ZApproveIndicatorActual, { actualId: 4, version: 2, judgement: '' }],
    ['approve with a verdict', ZApproveIndicatorActual, { actualId: 4, version: 2, judgement: 'NOT_MET' }],
    ['return', ZReturnIndicatorActual, { actualId: 4, version: 2, reason: '请核对口径' }],
  ] as const)('accept their own output (%s)', (_name, schema, input) => {
    const once = schema.parse(input);
    expect(schema.parse(once)).toEqual(once);
  });

  it('refuse a missing value or source, a period past December and a blank return reason, with their keys', () => {
    const enter = ZEnterIndicatorActual.safeParse({ indicatorId: 1, period: 13, version: 0, value: '', source: '' });
    expect(enter.success).toBe(false);
    const messages = Object.fromEntries(enter.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages).toEqual({
      period: 'indicatorPeriodInvalid',
      value: 'indicatorValueRequired',
      source: 'indicatorSourceRequired',
    });
    const giveBack = ZReturnIndicatorActual.safeParse({ actualId: 1, version: 1, reason: '  ' });
    expect(giveBack.error!.issues.map((i) => i.message)).toEqual(['indicatorReturnReasonRequired']);
  });
});
