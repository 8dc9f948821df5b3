import 'server-only';
import type { NotificationKind } from '@/generated/prisma/enums';
import type { Tx } from '@/lib/server/audit';
import { today } from '@/lib/server/clock';
import { notifyProblemUsers } from '@/lib/server/notifications/notify';

/**
 * Who hears of a problem's step. Each step tells the people who must act next, never the one who acted:
 *   raised → the bureau · assigned → the lead and supporting units and the leader · reply → every other party and
 *   the bureau · closure proposed → the bureau · sent back, closed, reopened → the lead unit and the raiser ·
 *   escalated → the lead unit, the leader and the bureau · due soon, overdue → the lead unit (overdue: the bureau too).
 */
export type ProblemEvent =
  | 'RAISED'
  | 'ASSIGNED'
  | 'REPLY'
  | 'CLOSE_PROPOSED'
  | 'SENT_BACK'
  | 'CLOSED'
  | 'REOPENED'
  | 'ESCALATED'
  | 'DUE_SOON'
  | 'OVERDUE';

type Party = 'bureau' | 'lead' | 'supporting' | 'leader' | 'raiser';

const AUDIENCE: Record<ProblemEvent, readonly Party[]> = {
  RAISED: ['bureau'],
  ASSIGNED: ['lead', 'supporting', 'leader'],
  REPLY: ['bureau', 'lead', 'supporting', 'leader', 'raiser'],
  CLOSE_PROPOSED: ['bureau'],
  SENT_BACK: ['lead', 'raiser'],
  CLOSED: ['lead', 'raiser'],
  REOPENED: ['lead', 'raiser'],
  ESCALATED: ['lead', 'leader', 'bureau'],
  DUE_SOON: ['lead'],
  OVERDUE: ['lead', 'bureau'],
};

/** What the announcement needs of the problem (read after the step's write). */
export interface ProblemNotice {
  id: number;
  number: string;
  title: string;
  slug: string;
  year: number;
  raisedByDepartmentId: number;
  leadDepartmentId: number | null;
  supportingDepartmentIds: readonly number[];
  leaderId: number | null;
}

export interface NoticeExtras {
  /** the department that acted (shown as {department}); the bureau's name when the bureau acted */
  department?: string;
  comment?: string;
  days?: number;
  /** the acting user, who is never told of their own step */
  actorId?: number | null;
}

/** The users of an event's audience: active department users of the units, active bureau users, the leader. */
export async function audienceOf(tx: Tx, event: ProblemEvent, p: ProblemNotice): Promise<number[]> {
  const parties = AUDIENCE[event];
  const departmentIds = new Set<number>();
  if (parties.includes('lead') && p.leadDepartmentId !== null) departmentIds.add(p.leadDepartmentId);
  if (parties.includes('supporting')) p.supportingDepartmentIds.forEach((d) => departmentIds.add(d));
  if (parties.includes('raiser')) departmentIds.add(p.raisedByDepartmentId);
  const or: object[] = [];
  if (departmentIds.size) or.push({ role: 'DEPARTMENT', departmentId: { in: [...departmentIds] } });
  if (parties.includes('bureau')) or.push({ role: 'BUREAU' });
  if (parties.includes('leader') && p.leaderId !== null) or.push({ id: p.leaderId, role: 'LEADER' });
  if (or.length === 0) return [];
  const users = await tx.user.findMany({
    where: { active: true, OR: or },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  return users.map((u) => u.id);
}

/** Tells the event's audience (in the step's transaction: a refused step tells no one). */
export async function notifyProblem(tx: Tx, event: ProblemEvent, p: ProblemNotice, extras: NoticeExtras = {}) {
  const users = (await audienceOf(tx, event, p)).filter((id) => id !== extras.actorId);
  const month = Number((await today(tx)).slice(5, 7));
  const kind = `PROBLEM_${event}` as Extract<NotificationKind, `PROBLEM_${string}`>;
  await notifyProblemUsers(
    tx,
    users,
    kind,
    {
      department: extras.department ?? '',
      year: p.year,
      month,
      count: 1,
      project: p.title,
      number: p.number,
      ...(extras.comment ? { comment: extras.comment } : {}),
      ...(extras.days !== undefined ? { days: extras.days } : {}),
    },
    `/problems/${p.slug}`,
  );
}
