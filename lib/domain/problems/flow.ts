/**
 * The problem (协调问题) flow: which action may be taken from which status, by whom, and where it leads.
 * Every write of a problem's status goes through `nextStatus`; the server asks it before it writes, and the pages
 * ask `allowedActions` to decide which buttons to show, so the buttons and the rule cannot disagree. Pure.
 *
 *   PENDING ──assign──▶ IN_PROGRESS ──proposeClose──▶ CLOSE_PROPOSED ──close──▶ CLOSED
 *                          ▲   │                          │                      │
 *                          │   └──────────close───────────┼──────────────────────▶│
 *                          ├────────────sendBack──────────┘                      │
 *                          └──────────────────────────reopen─────────────────────┘
 */

export type ProblemStatus = 'PENDING' | 'IN_PROGRESS' | 'CLOSE_PROPOSED' | 'CLOSED';
export type ProblemLevel = 'NORMAL' | 'KEY' | 'SUPERVISED';

export const PROBLEM_STATUSES: readonly ProblemStatus[] = ['PENDING', 'IN_PROGRESS', 'CLOSE_PROPOSED', 'CLOSED'];
export const PROBLEM_LEVELS: readonly ProblemLevel[] = ['NORMAL', 'KEY', 'SUPERVISED'];

export type ProblemAction =
  | 'assign' // set or change lead unit, supporting units, leader, due date, level
  | 'reply' // a progress reply, a note of the bureau, a leader's instruction (批示)
  | 'proposeClose' // the lead unit says it is done, with what was done
  | 'close' // the bureau confirms the closure
  | 'sendBack' // the bureau refuses a proposed closure, with a reason
  | 'reopen' // the bureau reopens a closed problem, with a reason
  | 'escalate'; // raise to 挂牌督办 and issue a 督办单 (the bureau, or the daily check when overdue)

export const PROBLEM_ACTIONS: readonly ProblemAction[] = [
  'assign',
  'reply',
  'proposeClose',
  'close',
  'sendBack',
  'reopen',
  'escalate',
];

/**
 * How the actor stands to one problem. A user may hold several relations (a department can raise a problem and
 * lead it). 'owner' is the department responsible for the problem's project.
 */
export type ProblemRelation = 'bureau' | 'leader' | 'assignedLeader' | 'lead' | 'supporting' | 'raiser' | 'owner';

interface Rule {
  from: readonly ProblemStatus[];
  /** null: the status does not change */
  to: ProblemStatus | null;
  by: readonly ProblemRelation[];
}

const RULES: Record<ProblemAction, Rule> = {
  assign: { from: ['PENDING', 'IN_PROGRESS'], to: 'IN_PROGRESS', by: ['bureau'] },
  reply: {
    from: ['PENDING', 'IN_PROGRESS', 'CLOSE_PROPOSED'],
    to: null,
    by: ['bureau', 'lead', 'supporting', 'raiser', 'leader'],
  },
  proposeClose: { from: ['IN_PROGRESS'], to: 'CLOSE_PROPOSED', by: ['lead'] },
  close: { from: ['PENDING', 'IN_PROGRESS', 'CLOSE_PROPOSED'], to: 'CLOSED', by: ['bureau'] },
  sendBack: { from: ['CLOSE_PROPOSED'], to: 'IN_PROGRESS', by: ['bureau'] },
  reopen: { from: ['CLOSED'], to: 'IN_PROGRESS', by: ['bureau'] },
  escalate: { from: ['IN_PROGRESS', 'CLOSE_PROPOSED'], to: null, by: ['bureau'] },
};

/** Actions whose text is required: a reason, a reply, or what was done. */
export const TEXT_REQUIRED: ReadonlySet<ProblemAction> = new Set([
  'reply',
  'proposeClose',
  'close',
  'sendBack',
  'reopen',
]);

export interface ProblemParties {
  raisedByDepartmentId: number;
  leadDepartmentId: number | null;
  supportingDepartmentIds: readonly number[];
  leaderId: number | null;
  /** the department responsible for the problem's project; null when it concerns no project */
  projectDepartmentId: number | null;
}

export interface ProblemActor {
  id: number;
  role: 'ADMIN' | 'BUREAU' | 'DEPARTMENT' | 'LEADER';
  departmentId: number | null;
}

export function relationsOf(actor: ProblemActor, p: ProblemParties): Set<ProblemRelation> {
  const relations = new Set<ProblemRelation>();
  if (actor.role === 'BUREAU' || actor.role === 'ADMIN') relations.add('bureau');
  if (actor.role === 'LEADER') {
    relations.add('leader');
    if (p.leaderId === actor.id) relations.add('assignedLeader');
  }
  if (actor.role === 'DEPARTMENT' && actor.departmentId !== null) {
    const d = actor.departmentId;
    if (p.raisedByDepartmentId === d) relations.add('raiser');
    if (p.leadDepartmentId === d) relations.add('lead');
    if (p.supportingDepartmentIds.includes(d)) relations.add('supporting');
    if (p.projectDepartmentId === d) relations.add('owner');
  }
  return relations;
}

/**
 * May the actor see the problem at all? The bureau and leaders see every problem; a department sees those it
 * raised, leads or supports, and those on its own projects. Anything else answers like a missing problem.
 */
export function canSeeProblem(actor: ProblemActor, p: ProblemParties): boolean {
  return relationsOf(actor, p).size > 0;
}

export type FlowRefusal = 'notAllowed' | 'wrongStatus' | 'notAssigned';

/**
 * Where `action` leads from `status` for this actor, or why it is refused. 'notAllowed' (the actor has no part
 * in it) must reach the user as "not found" when the actor cannot see the problem, and as "not permitted"
 * otherwise; 'wrongStatus' means someone else moved the problem first.
 */
export function nextStatus(
  action: ProblemAction,
  status: ProblemStatus,
  relations: ReadonlySet<ProblemRelation>,
  facts: { leadDepartmentId: number | null } = { leadDepartmentId: null },
): { ok: true; status: ProblemStatus } | { ok: false; reason: FlowRefusal } {
  const rule = RULES[action];
  if (!rule.by.some((r) => relations.has(r))) return { ok: false, reason: 'notAllowed' };
  if (!rule.from.includes(status)) return { ok: false, reason: 'wrongStatus' };
  // escalation names the lead unit on the 督办单: a problem must have one first
  if (action === 'escalate' && facts.leadDepartmentId === null) return { ok: false, reason: 'notAssigned' };
  return { ok: true, status: rule.to ?? status };
}

/** The actions the actor may take now, in the order the page shows them. */
export function allowedActions(
  status: ProblemStatus,
  relations: ReadonlySet<ProblemRelation>,
  facts: { leadDepartmentId: number | null; supervisionNumber: string | null },
): ProblemAction[] {
  return PROBLEM_ACTIONS.filter((action) => {
    if (action === 'escalate' && facts.supervisionNumber !== null) return false;
    return nextStatus(action, status, relations, facts).ok;
  });
}
