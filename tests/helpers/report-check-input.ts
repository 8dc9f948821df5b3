/**
 * The input of the report checks (lib/domain/report-checks.ts) for their unit tests (tests/unit/report-check*.test.ts):
 * an ongoing project well inside every limit, and the codes of what a check flags.
 */
import { checkReport, type ReportCheckInput, type ReportFlagCode } from '@/lib/domain/report-checks';

/** An ongoing project well inside every limit: nothing to refuse, nothing to flag. */
export function input(overrides: Partial<ReportCheckInput> = {}): ReportCheckInput {
  return {
    stage: 'ONGOING',
    totalInvestment: '10000.00',
    cumulativeBeforeYear: '2000.00',
    annualPlan: '1200.00',
    month: 4,
    investedThisMonth: '100.00',
    // 300 in all, averaging 100; March differs from the month reported so repeatsLastMonth stays quiet
    priorMonths: [
      { month: 1, invested: '100.00' },
      { month: 2, invested: '110.00' },
      { month: 3, invested: '90.00' },
    ],
    actualStart: '2023-03-01',
    ...overrides,
  };
}

export const codes = (i: ReportCheckInput): ReportFlagCode[] => checkReport(i).flags.map((f) => f.code);
