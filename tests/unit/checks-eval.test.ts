/**
 * The entry checks against planted reporting errors (npm run checks:eval, docs/entry-checks.md), at a small size:
 * every kind of error is mostly caught and clean months are seldom flagged. The goals are the issue's, not numbers
 * copied from a run.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_KINDS, plantError } from '../../scripts/checks-eval/plant';
import {
  CAUGHT_GOAL,
  evaluateEntryChecks,
  FALSE_ALARM_GOAL,
  missedGoals,
  verdict,
} from '../../scripts/checks-eval/evaluate';
import { generateSeedData } from '@/prisma/seed/generate';

describe('npm run checks:eval', () => {
  const result = evaluateEntryChecks({ size: 150, seed: 3 });

  it('plants every kind of error the issue names, on months that can take it', () => {
    expect(result.kinds.map((k) => k.kind)).toEqual([...ERROR_KINDS]);
    for (const k of result.kinds) expect(k.planted, k.kind).toBe(150);
    expect(result.clean.reports).toBe(150);
  });

  it(`catches at least ${CAUGHT_GOAL * 100}% of each kind and flags at most ${FALSE_ALARM_GOAL * 100}% of clean months`, () => {
    expect(missedGoals(result)).toEqual([]);
  });

  it('is deterministic for a seed', () => {
    expect(evaluateEntryChecks({ size: 20, seed: 3 })).toEqual(evaluateEntryChecks({ size: 20, seed: 3 }));
  });

  it('counts a planted month as caught only for what its clean copy did not have', () => {
    const data = generateSeedData();
    const project = data.projects.find((p) => p.stage === 'ONGOING' && p.reports[5]!.invested > 0)!;
    const tenfold = plantError('decimalTimes10', project, 6)!;
    expect(Number(tenfold.investedText)).toBe((project.reports[5]!.invested * 10) / 100);
    expect(verdict(tenfold).flags.length).toBeGreaterThan(0);
    expect(plantError('investmentOnPreliminary', project, 6)).toBeNull();
  });
});
