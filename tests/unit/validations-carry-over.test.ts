import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import { CARRY_OVER_MAX, CARRY_OVER_MESSAGES, ZOpenNextPlanYear } from '@/lib/validations/carry-over';

const messagesOf = (input: unknown) => {
  const parsed = ZOpenNextPlanYear.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('ZOpenNextPlanYear', () => {
  it('takes the closed year and a decision per project: accept, drop or a stage', () => {
    const decisions = [
      { projectId: 1, decision: 'accept' },
      { projectId: 2, decision: 'drop' },
      { projectId: 3, decision: 'NEW_START' },
      { projectId: 4, decision: 'COMPLETION' },
    ];
    expect(ZOpenNextPlanYear.parse({ fromYear: 2025, decisions })).toEqual({ fromYear: 2025, decisions });
  });

  it('keeps no figure the client sends: the cumulative is the database’s to compute', () => {
    const parsed = ZOpenNextPlanYear.parse({
      fromYear: 2025,
      decisions: [{ projectId: 1, decision: 'accept', cumulativeBeforeYear: '999' }],
    });
    expect(parsed.decisions[0]).toEqual({ projectId: 1, decision: 'accept' });
  });

  it('refuses an unknown choice, a project twice, an empty list and an impossible year, each with its message', () => {
    expect(messagesOf({ fromYear: 2025, decisions: [{ projectId: 1, decision: 'keep' }] })).toEqual([
      'decisions.0.decision:carryOverDecisionInvalid',
    ]);
    expect(
      messagesOf({
        fromYear: 2025,
        decisions: [
          { projectId: 1, decision: 'accept' },
          { projectId: 1, decision: 'drop' },
        ],
      }),
    ).toEqual(['decisions:carryOverDuplicate']);
    expect(messagesOf({ fromYear: 2025, decisions: [] })).toEqual(['decisions:carryOverDecisionsRequired']);
    expect(messagesOf({ fromYear: 2100, decisions: [{ projectId: 1, decision: 'accept' }] })).toEqual([
      'fromYear:carryOverYearInvalid',
    ]);
    expect(messagesOf({ fromYear: 2025, decisions: [{ projectId: 0, decision: 'accept' }] })).toEqual([
      'decisions.0.projectId:recordInvalid',
    ]);
  });

  it('bounds the list', () => {
    const decisions = Array.from({ length: CARRY_OVER_MAX + 1 }, (_, i) => ({ projectId: i + 1, decision: 'accept' }));
    expect(messagesOf({ fromYear: 2025, decisions })).toEqual(['decisions:carryOverTooMany']);
    expect(messagesOf({ fromYear: 2025, decisions: decisions.slice(1) })).toEqual([]);
  });

  it('has every message in both languages', () => {
    for (const key of CARRY_OVER_MESSAGES) {
      expect(zhCN.validation).toHaveProperty(key);
      expect(en.validation).toHaveProperty(key);
    }
  });
});
