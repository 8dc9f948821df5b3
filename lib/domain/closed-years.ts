/**
 * A closed plan year's figures must never move. Most of them come from the year's own plans and reports, which
 * the year's lock already freezes; but some are read from the project itself, which lives on into the next year:
 * the department and area cuts read the project's department and area, 开工率 and 竣工率 read its actual start and
 * completion (counted when on or before the month's end), and the 前期 table reads the dates its milestones were
 * reached. Editing those through an open year would rewrite a year the bureau has already closed and published.
 *
 * What a bureau statistician expects: a closed year's books are final. So
 * - a project with a plan in a closed year keeps its department and area (a department's 2025 total must stay the
 *   total it reported; Keystone keeps one department per project, not one per year, so a reassignment cannot be
 *   applied "from 2026 on" without rewriting 2025);
 * - a date that falls in a closed year (on or before its 31 December) can no longer be set, changed or cleared, while
 *   dates after it stay free: a project that slipped starts in 2026 and says so;
 * - the planned start, which only the closed year's start warnings read, is the plan for the future and stays
 *   editable: closing a year keeps the planned start it was judged against (ProjectPlan.closedPlannedStart).
 */

/** The project's values that closed-year figures read; dates as YYYY-MM-DD. */
export interface ClosedYearFacts {
  departmentId: number;
  area: string;
  actualStart: string | null;
  actualCompletion: string | null;
}

export type ClosedYearField = keyof ClosedYearFacts;

/** The last day whose facts belong to `year`. */
export const closedThrough = (year: number) => `${year}-12-31`;

/**
 * Would changing a date from `before` to `after` move the figures of a year closed through `through`? Yes when
 * either lies on or before that day (a blank date is "not yet", which no closed year counts).
 */
export function dateMovesClosedYear(through: string, before: string | null, after: string | null): boolean {
  if (before === after) return false;
  return (before !== null && before <= through) || (after !== null && after <= through);
}

/**
 * The fields of a project edit that would move the figures of its last closed year (`closedYear`, the latest
 * CLOSED year in which the project has a plan; null when it has none, and then nothing is held).
 */
export function closedYearViolations(
  closedYear: number | null,
  before: ClosedYearFacts,
  after: Partial<ClosedYearFacts>,
): ClosedYearField[] {
  if (closedYear === null) return [];
  const through = closedThrough(closedYear);
  const violations: ClosedYearField[] = [];
  if (after.departmentId !== undefined && after.departmentId !== before.departmentId) violations.push('departmentId');
  if (after.area !== undefined && after.area !== before.area) violations.push('area');
  for (const field of ['actualStart', 'actualCompletion'] as const) {
    const next = after[field];
    if (next !== undefined && dateMovesClosedYear(through, before[field], next)) violations.push(field);
  }
  return violations;
}
