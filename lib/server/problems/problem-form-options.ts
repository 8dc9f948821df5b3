import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { scopeOf } from '@/lib/auth/permissions';
import type { Db } from '@/lib/prisma';
import { departmentScope } from '@/lib/server/authorize';

export interface ProblemFormOptions {
  /** projects the actor may raise on: a department's own, every project for the bureau */
  projects: { id: number; name: string }[];
  categories: { id: number; name: string }[];
  /** assignment pickers, for the bureau only (empty otherwise) */
  departments: { id: number; name: string }[];
  leaders: { id: number; name: string }[];
}

/** The choices of the raise and assign forms, for this actor. */
export async function problemFormOptions(db: Db, actor: Actor): Promise<ProblemFormOptions> {
  const canRaise = scopeOf(actor, 'problem.raise') !== 'none';
  const manages = scopeOf(actor, 'problem.manage') === 'all';
  const [projects, categories, departments, leaders] = await Promise.all([
    canRaise
      ? db.project.findMany({
          where: departmentScope(actor, 'problem.raise'),
          select: { id: true, name: true },
          orderBy: { code: 'asc' },
        })
      : [],
    db.problemCategory.findMany({
      where: { active: true },
      select: { id: true, name: true },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    }),
    manages
      ? db.department.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { id: 'asc' } })
      : [],
    manages
      ? db.user.findMany({
          where: { role: 'LEADER', active: true },
          select: { id: true, displayName: true },
          orderBy: { id: 'asc' },
        })
      : [],
  ]);
  return { projects, categories, departments, leaders: leaders.map((l) => ({ id: l.id, name: l.displayName })) };
}
