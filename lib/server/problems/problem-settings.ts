import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { DEFAULT_ESCALATION_DAYS } from '@/lib/domain/problems/overdue';
import { requirePermission } from '@/lib/server/authorize';

export interface ProblemCategoryRow {
  id: number;
  name: string;
  active: boolean;
  /** problems filed under it: a category in use is never deleted, only deactivated */
  problemCount: number;
}

export interface ProblemSettings {
  /** in the order the forms offer them */
  categories: ProblemCategoryRow[];
  /** days overdue before the daily check escalates a problem to 挂牌督办 */
  escalationDays: number;
}

/** The bureau's settings page: the category list with its use, and the escalation setting. */
export async function getProblemSettings(db: Db, actor: Actor): Promise<ProblemSettings> {
  requirePermission(actor, 'problem.manage');
  const [categories, setting] = await Promise.all([
    db.problemCategory.findMany({
      select: { id: true, name: true, active: true, _count: { select: { problems: true } } },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    }),
    db.appSetting.findUnique({ where: { id: 1 }, select: { problemEscalationDays: true } }),
  ]);
  return {
    categories: categories.map(({ _count, ...c }) => ({ ...c, problemCount: _count.problems })),
    // the column's default, for a database whose settings row was never written
    escalationDays: setting?.problemEscalationDays ?? DEFAULT_ESCALATION_DAYS,
  };
}
