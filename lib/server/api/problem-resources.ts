import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { NotFoundError } from '@/lib/server/errors';
import { getProblem } from '@/lib/server/problems/get-problem';
import { listProblems } from '@/lib/server/problems/list-problems';
import type { ApiProblemListQuery } from '@/lib/validations/api-problems';
import type { ApiProblem, ApiProblemPage } from './problem-schemas';

const iso = (d: Date) => d.toISOString();

/** One page of the ledger, built by the function the 问题台账 page uses; null when `year` names no plan year. */
export async function problemListResource(
  db: Db,
  actor: Actor,
  query: ApiProblemListQuery,
): Promise<ApiProblemPage | null> {
  if (
    query.year !== undefined &&
    !(await db.planYear.findUnique({ where: { year: query.year }, select: { id: true } }))
  )
    return null;
  const list = await listProblems(db, actor, {
    year: query.year,
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    dir: query.dir,
    q: query.q,
    statuses: query.status,
    levels: query.level,
    categoryIds: query.category,
    leadDepartmentIds: query.lead,
    leaderIds: query.leader,
    projectIds: query.project,
    raisedByDepartmentIds: query.raisedBy,
    overdue: query.overdue ?? false,
  });
  return {
    data: list.items.map(({ mine: _mine, lastActivity, ...item }) => ({ ...item, lastActivity: iso(lastActivity) })),
    page: list.page,
    pageSize: list.pageSize,
    total: list.total,
    today: list.today,
    counts: list.counts,
  };
}

/** One problem by its number in either form, or null (getProblem: the one read of a problem). */
export async function problemResource(db: Db, actor: Actor, number: string): Promise<ApiProblem | null> {
  try {
    // the flow's actions and the lock version are the pages' business, not a reader's
    const { actions: _actions, version: _version, ...p } = await getProblem(db, actor, { number });
    return {
      ...p,
      supervision: p.supervision && {
        ...p.supervision,
        escalatedAt: p.supervision.escalatedAt && iso(p.supervision.escalatedAt),
      },
      closure: p.closure && { ...p.closure, closedAt: iso(p.closure.closedAt) },
      createdAt: iso(p.createdAt),
      updatedAt: iso(p.updatedAt),
      entries: p.entries.map((e) => ({ ...e, createdAt: iso(e.createdAt) })),
    };
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
