import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Actor } from '@/lib/auth/actor';
import { scopeOf, type Permission } from '@/lib/auth/permissions';
import { canSeeProblem, relationsOf, type ProblemParties, type ProblemRelation } from '@/lib/domain/problems/flow';
import { ForbiddenError, NotFoundError } from '@/lib/server/errors';
import type { Tx } from '@/lib/server/audit';

/**
 * Which problems a query may return for the actor: every problem for 'all'; for a department ('own'), those it
 * raised, leads, supports, or that concern its projects (the same rule as `canSeeProblem`, which the record checks
 * use; tests/integration prove the two agree). Throws ForbiddenError when the role has no such permission.
 */
export function problemScope(actor: Actor, permission: Permission = 'problem.read'): Prisma.ProblemWhereInput {
  const scope = scopeOf(actor, permission);
  if (scope === 'none') throw new ForbiddenError();
  if (scope === 'all') return {};
  const d = actor.departmentId ?? -1;
  return {
    OR: [
      { raisedByDepartmentId: d },
      { leadDepartmentId: d },
      { supportingUnits: { some: { departmentId: d } } },
      { project: { departmentId: d } },
    ],
  };
}

/** What `partiesOf` needs from a problem row. */
export const PARTIES_SELECT = {
  raisedByDepartmentId: true,
  leadDepartmentId: true,
  leaderId: true,
  supportingUnits: { select: { departmentId: true } },
  project: { select: { departmentId: true } },
} satisfies Prisma.ProblemSelect;

type PartiesRow = Prisma.ProblemGetPayload<{ select: typeof PARTIES_SELECT }>;

export function partiesOf(row: PartiesRow): ProblemParties {
  return {
    raisedByDepartmentId: row.raisedByDepartmentId,
    leadDepartmentId: row.leadDepartmentId,
    leaderId: row.leaderId,
    supportingDepartmentIds: row.supportingUnits.map((u) => u.departmentId),
    projectDepartmentId: row.project?.departmentId ?? null,
  };
}

/**
 * A problem by id with the actor's relations to it, or NotFoundError when it does not exist or the actor may not
 * see it (another department's problem answers exactly like a missing one). `lock` takes the row lock for a
 * write, so two decisions on one problem queue instead of both passing the status check.
 */
export async function loadProblemFor(
  db: Tx,
  actor: Actor,
  id: number,
  options: { lock?: boolean } = {},
): Promise<{ id: number; parties: ProblemParties; relations: Set<ProblemRelation> }> {
  if (scopeOf(actor, 'problem.read') === 'none') throw new NotFoundError('problem');
  if (options.lock) await db.$queryRaw`SELECT 1 FROM "Problem" WHERE id = ${id} FOR UPDATE`;
  const row = await db.problem.findUnique({ where: { id }, select: { id: true, ...PARTIES_SELECT } });
  if (!row) throw new NotFoundError('problem');
  const parties = partiesOf(row);
  if (!canSeeProblem(actor, parties)) throw new NotFoundError('problem');
  return { id: row.id, parties, relations: relationsOf(actor, parties) };
}
