import { describe, expect, it } from 'vitest';
import {
  closedThrough,
  closedYearViolations,
  dateMovesClosedYear,
  type ClosedYearFacts,
} from '@/lib/domain/closed-years';

const before: ClosedYearFacts = { departmentId: 7, area: '解放碑', actualStart: '2025-05-10', actualCompletion: null };
const through = closedThrough(2025);

describe('a date and a closed year (closed through 2025-12-31)', () => {
  it('moves the year when either side lies on or before its last day', () => {
    expect(dateMovesClosedYear(through, '2025-05-10', '2026-01-01')).toBe(true);
    expect(dateMovesClosedYear(through, null, '2025-12-31')).toBe(true);
    expect(dateMovesClosedYear(through, '2025-12-31', null)).toBe(true);
    expect(dateMovesClosedYear(through, '2019-03-01', '2019-03-02')).toBe(true);
  });

  it('leaves it alone when both sides are after it, or nothing changes', () => {
    expect(dateMovesClosedYear(through, null, '2026-01-01')).toBe(false);
    expect(dateMovesClosedYear(through, '2026-02-01', '2026-03-01')).toBe(false);
    expect(dateMovesClosedYear(through, '2026-02-01', null)).toBe(false);
    expect(dateMovesClosedYear(through, '2025-05-10', '2025-05-10')).toBe(false);
  });
});

describe('a project edit', () => {
  it('holds nothing for a project with no plan in a closed year', () => {
    expect(closedYearViolations(null, before, { departmentId: 8, area: '化龙桥', actualStart: null })).toEqual([]);
  });

  it('keeps the department and the area of a project with a closed-year plan', () => {
    expect(closedYearViolations(2025, before, { departmentId: 8 })).toEqual(['departmentId']);
    expect(closedYearViolations(2025, before, { area: '化龙桥' })).toEqual(['area']);
    expect(closedYearViolations(2025, before, { departmentId: 7, area: '解放碑' })).toEqual([]);
  });

  it('keeps the actual dates that the closed year counts, and lets later ones change', () => {
    expect(closedYearViolations(2025, before, { actualStart: null })).toEqual(['actualStart']);
    expect(closedYearViolations(2025, before, { actualStart: '2025-06-01' })).toEqual(['actualStart']);
    expect(closedYearViolations(2025, before, { actualCompletion: '2025-11-30' })).toEqual(['actualCompletion']);
    expect(closedYearViolations(2025, before, { actualCompletion: '2026-03-31' })).toEqual([]);
    expect(closedYearViolations(2024, { ...before, actualStart: '2025-05-10' }, { actualStart: '2025-06-01' })).toEqual(
      [],
    );
  });

  it('names every field held at once', () => {
    expect(
      closedYearViolations(2025, before, {
        departmentId: 8,
        area: 'x',
        actualStart: null,
        actualCompletion: '2025-01-01',
      }),
    ).toEqual(['departmentId', 'area', 'actualStart', 'actualCompletion']);
  });
});
