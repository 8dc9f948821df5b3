import { describe, expect, it } from 'vitest';
import { cumulativeSeries } from '@/lib/domain/cumulative';

const plan = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, amount: '0.10' }));

describe('cumulativeSeries', () => {
  it('sums the plan split exactly, month by month', () => {
    const { planned } = cumulativeSeries(plan, []);
    expect(planned[0]).toBe('0.10');
    expect(planned[2]).toBe('0.30'); // 0.1 + 0.1 + 0.1 in floats is 0.30000000000000004
    expect(planned[11]).toBe('1.20');
  });

  it('counts approved months only, and stops after the last one', () => {
    const { actual } = cumulativeSeries(plan, [
      { month: 1, approvedInvested: '5.00' },
      { month: 2, approvedInvested: '7.25' },
      { month: 3, approvedInvested: null },
    ]);
    expect(actual.slice(0, 3)).toEqual(['5.00', '12.25', null]);
  });

  it('carries the total through an approved month with nothing invested', () => {
    const { actual } = cumulativeSeries(plan, [
      { month: 1, approvedInvested: '5.00' },
      { month: 3, approvedInvested: '1.00' },
    ]);
    expect(actual.slice(0, 4)).toEqual(['5.00', '5.00', '6.00', null]);
  });
});
