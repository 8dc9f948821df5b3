import { describe, expect, it } from 'vitest';
import { PLAN_2025_FIGURES } from '@/lib/domain/plan-2025';
import { reconcile, sharePercent, type ActualGroup } from '@/lib/domain/reconcile';

/** The database figures of a plan that reproduces the report exactly. */
const exact: ActualGroup[] = [
  { cut: 'TOTAL', key: 'ALL', projectCount: 266, amount: '2478000.00' },
  { cut: 'STAGE', key: 'COMPLETION', projectCount: 86, amount: '280000.00' },
  { cut: 'STAGE', key: 'ONGOING', projectCount: 54, amount: '584000.00' },
  { cut: 'STAGE', key: 'NEW_START', projectCount: 126, amount: '1614000.00' },
  { cut: 'STAGE', key: 'PRELIMINARY', projectCount: 155, amount: '0' },
  { cut: 'INVESTOR', key: 'MUNICIPAL', projectCount: 23, amount: '668000.00' },
  { cut: 'INVESTOR', key: 'SOCIAL', projectCount: 42, amount: '825000.00' },
  { cut: 'INVESTOR', key: 'DISTRICT', projectCount: 201, amount: '985000.00' },
  { cut: 'DIRECTION', key: 'INFRASTRUCTURE', projectCount: 80, amount: '835000.00' },
  { cut: 'DIRECTION', key: 'PUBLIC_SERVICE', projectCount: 70, amount: '296000.00' },
  { cut: 'DIRECTION', key: 'REAL_ESTATE', projectCount: 36, amount: '569000.00' },
  { cut: 'DIRECTION', key: 'INDUSTRY', projectCount: 80, amount: '778000.00' },
];
const replace = (cut: string, key: string, change: Partial<ActualGroup>) =>
  exact.map((g) => (g.cut === cut && g.key === key ? { ...g, ...change } : g));

describe('reconcile', () => {
  it('matches every line when the database reproduces the report', () => {
    const lines = reconcile(PLAN_2025_FIGURES, exact);
    expect(lines).toHaveLength(12);
    expect(lines.filter((l) => !l.matches)).toEqual([]);
    expect(lines.map((l) => l.cut)).toEqual([
      'TOTAL',
      'STAGE',
      'STAGE',
      'STAGE',
      'STAGE',
      'INVESTOR',
      'INVESTOR',
      'INVESTOR',
      'DIRECTION',
      'DIRECTION',
      'DIRECTION',
      'DIRECTION',
    ]);
  });

  it('flags an amount one cent off', () => {
    const lines = reconcile(PLAN_2025_FIGURES, replace('INVESTOR', 'SOCIAL', { amount: '824999.99' }));
    expect(lines.filter((l) => !l.matches).map((l) => l.key)).toEqual(['SOCIAL']);
  });

  it('flags a project counted under the wrong stage', () => {
    const moved = replace('STAGE', 'COMPLETION', { projectCount: 85 });
    const lines = reconcile(
      PLAN_2025_FIGURES,
      moved.map((g) => (g.key === 'ONGOING' ? { ...g, projectCount: 55 } : g)),
    );
    expect(
      lines
        .filter((l) => !l.matches)
        .map((l) => l.key)
        .sort(),
    ).toEqual(['COMPLETION', 'ONGOING']);
  });

  it('does not check what the report does not publish (direction counts)', () => {
    const lines = reconcile(PLAN_2025_FIGURES, replace('DIRECTION', 'INDUSTRY', { projectCount: 1 }));
    expect(lines.every((l) => l.matches)).toBe(true);
  });

  it('reports a group the report cannot account for', () => {
    const lines = reconcile(PLAN_2025_FIGURES, [
      ...exact,
      { cut: 'INVESTOR', key: 'FOREIGN', projectCount: 1, amount: '5.00' },
    ]);
    expect(lines.find((l) => l.key === 'FOREIGN')).toMatchObject({ matches: false, published: { amount: null } });
  });
});

describe('sharePercent: the report prints one decimal, rounded half up', () => {
  it('reproduces the published shares', () => {
    expect(sharePercent('668000', '2478000')).toBe('27.0'); // 26.957…
    expect(sharePercent('985000', '2478000')).toBe('39.7'); // 39.749…, not 39.8
    expect(sharePercent('569000', '2478000')).toBe('23.0'); // 22.962…
  });

  it('rounds exactly at the half', () => {
    expect(sharePercent('1', '8')).toBe('12.5');
    expect(sharePercent('125', '10000')).toBe('1.3'); // 1.25 → 1.3
    expect(sharePercent('1249', '100000')).toBe('1.2'); // 1.249
  });

  it('is zero, not a division error, for an empty plan', () => {
    expect(sharePercent('0', '0')).toBe('0.0');
  });
});
