import 'server-only';
/**
 * The server side of lib/domain/closed-years.ts: every write that changes what a closed year's figures read from
 * a project (a project edit, an import, a report's facts at save and at approval) asks here first. The closed
 * years are read under lastClosedYears' share lock, so a year closing meanwhile is either waited for or seen.
 */
import type { MilestoneKind } from '@/generated/prisma/enums';
import {
  closedThrough,
  closedYearViolations,
  dateMovesClosedYear,
  type ClosedYearFacts,
} from '@/lib/domain/closed-years';
import { toDateOnly } from '@/lib/domain/date-only';
import { lastClosedYears } from '@/lib/server/admin/plan-year-lock';
import type { Tx } from '@/lib/server/audit';
import { ValidationError } from '@/lib/server/errors';

/**
 * Refuses a project edit that would move a closed year's figures, with a message at each field concerned
 * (validation.projectClosedYearLocked / projectClosedYearDate, naming the year).
 */
export async function assertClosedYearsKept(
  tx: Tx,
  project: { id: number; departmentId: number; area: string; actualStart: Date | null; actualCompletion: Date | null },
  after: Partial<ClosedYearFacts>,
): Promise<void> {
  const year = (await lastClosedYears(tx, [project.id])).get(project.id) ?? null;
  const before: ClosedYearFacts = {
    departmentId: project.departmentId,
    area: project.area,
    actualStart: toDateOnly(project.actualStart),
    actualCompletion: toDateOnly(project.actualCompletion),
  };
  const violations = closedYearViolations(year, before, after);
  if (violations.length === 0 || year === null) return;
  const fieldErrors = Object.fromEntries(
    violations.map((field) => [
      field,
      [field === 'departmentId' || field === 'area' ? 'projectClosedYearLocked' : 'projectClosedYearDate'],
    ]),
  );
  throw new ValidationError(fieldErrors, { year, through: closedThrough(year) });
}

/** What a report states as fact, to become the project's on approval. */
export interface ReportedFacts {
  projectId: number;
  actualStart: string | null;
  actualCompletion: string | null;
  milestones: readonly { kind: MilestoneKind; date: string }[];
}

export interface ClosedYearFactConflict {
  /** the conflicting report's place in the list asked about */
  index: number;
  projectId: number;
  field: 'actualStart' | 'actualCompletion' | 'milestoneUpdates';
  date: string;
  year: number;
}

/**
 * The first fact among the reports' that would change a date a closed year counts (see dateMovesClosedYear), or
 * null. A fact equal to what the project already holds changes nothing and passes.
 */
export async function closedYearFactConflict(
  tx: Tx,
  reports: readonly ReportedFacts[],
): Promise<ClosedYearFactConflict | null> {
  const withFacts = reports
    .map((r, index) => ({ ...r, index }))
    .filter((r) => r.actualStart || r.actualCompletion || r.milestones.length);
  if (withFacts.length === 0) return null;
  const closed = await lastClosedYears(
    tx,
    withFacts.map((r) => r.projectId),
  );
  const held = withFacts.filter((r) => closed.has(r.projectId));
  if (held.length === 0) return null;
  const ids = held.map((r) => r.projectId);
  const projects = new Map(
    (
      await tx.project.findMany({
        where: { id: { in: ids } },
        select: { id: true, actualStart: true, actualCompletion: true },
      })
    ).map((p) => [p.id, p]),
  );
  const reached = await tx.preliminaryMilestone.findMany({
    where: { projectId: { in: ids }, status: 'DONE' },
    select: { projectId: true, kind: true, actualDate: true },
  });
  for (const report of held) {
    const year = closed.get(report.projectId)!;
    const through = closedThrough(year);
    const project = projects.get(report.projectId);
    for (const field of ['actualStart', 'actualCompletion'] as const) {
      const date = report[field];
      if (date && dateMovesClosedYear(through, toDateOnly(project?.[field] ?? null), date))
        return { index: report.index, projectId: report.projectId, field, date, year };
    }
    for (const m of report.milestones) {
      const before = reached.find((r) => r.projectId === report.projectId && r.kind === m.kind);
      if (dateMovesClosedYear(through, toDateOnly(before?.actualDate ?? null), m.date)) {
        return { index: report.index, projectId: report.projectId, field: 'milestoneUpdates', date: m.date, year };
      }
    }
  }
  return null;
}
