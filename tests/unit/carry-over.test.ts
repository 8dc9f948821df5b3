import { describe, expect, it } from 'vitest';
import { completedBy, cumulativeBeforeNextYear, proposeCarryOver } from '@/lib/domain/carry-over';

const propose = (
  stage: Parameters<typeof proposeCarryOver>[1]['stage'],
  actualCompletion: string | null,
  readyToStart = false,
) => proposeCarryOver(2025, { stage, actualCompletion, readyToStart });

describe('the carry-over proposal', () => {
  it('carries a 续建 or 新开工 project not completed as 续建', () => {
    expect(propose('ONGOING', null)).toEqual({ stage: 'ONGOING', reason: 'constructionContinues', flagged: false });
    expect(propose('NEW_START', null)).toEqual({ stage: 'ONGOING', reason: 'constructionContinues', flagged: false });
  });

  it('does not carry a 续建 or 新开工 project completed in the year', () => {
    expect(propose('ONGOING', '2025-06-30')).toEqual({ stage: null, reason: 'constructionCompleted', flagged: false });
    expect(propose('NEW_START', '2025-12-31').stage).toBeNull();
  });

  it('does not carry a 完工 project completed on or before 31 December', () => {
    expect(propose('COMPLETION', '2025-12-31')).toEqual({ stage: null, reason: 'completed', flagged: false });
  });

  it('carries a 完工 project not completed as 续建, flagged, also when it completed only after the year', () => {
    const slipped = { stage: 'ONGOING', reason: 'completionSlipped', flagged: true };
    expect(propose('COMPLETION', null)).toEqual(slipped);
    expect(propose('COMPLETION', '2026-01-01')).toEqual(slipped);
  });

  it('proposes a 前期 project marked ready to start as a candidate 新开工, flagged for the bureau', () => {
    expect(propose('PRELIMINARY', null, true)).toEqual({ stage: 'NEW_START', reason: 'readyToStart', flagged: true });
  });

  it('keeps another 前期 project in 前期', () => {
    expect(propose('PRELIMINARY', null, false)).toEqual({
      stage: 'PRELIMINARY',
      reason: 'stillPreliminary',
      flagged: false,
    });
  });

  it('counts a completion by the closed year’s last day', () => {
    expect(completedBy(2025, '2025-12-31')).toBe(true);
    expect(completedBy(2025, '2026-01-01')).toBe(false);
    expect(completedBy(2025, null)).toBe(false);
  });
});

describe('cumulativeBeforeNextYear', () => {
  it('adds the year’s approved months to what came before, exactly', () => {
    expect(cumulativeBeforeNextYear('1000.10', ['0.10', '0.20', '1234.56'])).toBe('2234.96');
  });

  it('counts a month without an approved figure as nothing', () => {
    expect(cumulativeBeforeNextYear('50', [null, '10.5', null])).toBe('60.50');
  });

  it('is what came before when nothing was approved', () => {
    expect(cumulativeBeforeNextYear('0', [])).toBe('0.00');
  });
});

describe('the reasons', () => {
  it('have a text in both languages for every reason the rules give', async () => {
    const zh = (await import('@/messages/zh-CN.json')).default.carryOver.reasons;
    const en = (await import('@/messages/en.json')).default.carryOver.reasons;
    const reasons = new Set(
      (['ONGOING', 'NEW_START', 'COMPLETION', 'PRELIMINARY'] as const).flatMap((stage) =>
        [null, '2025-05-01'].flatMap((done) => [true, false].map((ready) => propose(stage, done, ready).reason)),
      ),
    );
    expect([...reasons].sort()).toEqual(Object.keys(zh).sort());
    expect(Object.keys(en)).toEqual(Object.keys(zh));
  });
});
