import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import type { Db } from '@/lib/prisma';
import { departmentScope } from '@/lib/server/authorize';
import { getRollupCached } from './figures-cache';
import { getProjectFigures, type ProjectFigure } from './get-project-figures';
import type { DepartmentCut, Rollup, RollupBasis } from './get-rollup';

export interface DepartmentDrillDown {
  /** the department's own rollup: its projects only */
  rollup: Rollup;
  /** the department's line, as the district dashboard shows it */
  line: DepartmentCut;
  /**
   * its projects with their figures, adding up to the line; null when the actor may not read them (project.read:
   * a department sees project-level detail of its own projects only, and another department's line alone)
   */
  projects: ProjectFigure[] | null;
}

/**
 * District → department: one department's line of the dashboard and, for those who may read them, its projects.
 * The line is an aggregate every role may read on the approved basis; the submitted basis needs
 * rollup.readSubmitted for this department (a department: its own), else FORBIDDEN. Null when the department has
 * no project in the year (or the year does not exist).
 */
export async function getDepartmentDrillDown(
  db: Db,
  actor: Actor,
  options: { year: number; month?: number; basis: RollupBasis; departmentId: number; today?: string },
): Promise<DepartmentDrillDown | null> {
  departmentScope(actor, 'rollup.read');
  const { departmentId, basis } = options;
  const rollup = await getRollupCached(db, actor, { year: options.year, month: options.month, basis, departmentId });
  const line = rollup?.byDepartment.find((d) => d.key === departmentId);
  if (!rollup || !line) return null;
  const projects = can(actor, 'project.read', { departmentId })
    ? await getProjectFigures(db, actor, {
        year: rollup.year,
        month: rollup.month,
        basis,
        departmentId,
        today: options.today,
      })
    : null;
  return { rollup, line, projects };
}
