/**
 * "The approved figure of a month" has one definition (lib/domain/approved-figure.ts), used by the project's
 * S-curve and summed by the project's approved total. A month reopened for correction is the case that tells a
 * right definition from a wrong one: it is no longer APPROVED, yet its approved figure still counts.
 */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { approvedFigure } from '@/lib/domain/approved-figure';
import { cumulativeSeries } from '@/lib/domain/cumulative';

const plan = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, amount: '10.00' }));

/** Months 1–3 approved at 5, 7.25 and 9; month 3 then reopened, its correction to 30 typed but not approved. */
const reports = [
  { month: 1, status: 'APPROVED', investedThisMonth: '5.00', approvedInvested: '5.00' },
  { month: 2, status: 'APPROVED', investedThisMonth: '7.25', approvedInvested: '7.25' },
  { month: 3, status: 'RETURNED', investedThisMonth: '30.00', approvedInvested: '9.00' },
  { month: 4, status: 'SUBMITTED', investedThisMonth: '4.00', approvedInvested: null },
] as const;

/** What the project's total adds up in SQL: sum("approvedInvested"). */
const approvedTotal = reports.reduce(
  (sum, r) => (r.approvedInvested === null ? sum : sum.plus(r.approvedInvested)),
  new Decimal(0),
);

describe('the approved figure of a month', () => {
  it('is the figure approved last, while the month is reopened and corrected', () => {
    expect(approvedFigure(reports[2])).toBe('9.00');
  });

  it('is none for a month never approved, whatever was submitted', () => {
    expect(approvedFigure(reports[3])).toBeNull();
  });
});

describe('the S-curve of a project with a reopened month', () => {
  const { actual } = cumulativeSeries(plan, reports);

  it('keeps the reopened month, at the figure approved before', () => {
    expect(actual.slice(0, 4)).toEqual(['5.00', '12.25', '21.25', null]);
  });

  it('ends at the project approved total', () => {
    expect(actual.filter((v) => v !== null).at(-1)).toBe(approvedTotal.toFixed(2));
  });
});
