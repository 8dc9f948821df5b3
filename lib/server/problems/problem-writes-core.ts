import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { ProblemEntryKind, ProblemStatus } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import { nextStatus, type ProblemAction, type ProblemParties } from '@/lib/domain/problems/flow';
import { problemSlug } from '@/lib/domain/problems/numbering';
import { diffRecords, type Tx } from '@/lib/server/audit';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';
import { ConflictError, ForbiddenError } from '@/lib/server/errors';
import type { WriteContext } from '@/lib/server/write-context';
import { loadProblemFor } from './problem-access';
import type { ProblemNotice } from './problem-notify';

/**
 * What every write of a problem shares: the locked read with the version and flow checks, the timeline entry,
 * the audit diff, the numbers (problem and 督办单) drawn under a per-year lock.
 */

/** The columns a step reads and the audit diff compares. */
export const STEP_SELECT = {
  id: true,
  seq: true,
  number: true,
  title: true,
  status: true,
  level: true,
  version: true,
  planYearId: true,
  leadDepartmentId: true,
  leaderId: true,
  dueDate: true,
  supervisionNumber: true,
  supervisionRequirement: true,
  escalatedAt: true,
  resolution: true,
  closedById: true,
  closedAt: true,
  raisedByDepartmentId: true,
  planYear: { select: { year: true } },
  supportingUnits: { select: { departmentId: true }, orderBy: { departmentId: 'asc' } },
} satisfies Prisma.ProblemSelect;

export type StepRow = Prisma.ProblemGetPayload<{ select: typeof STEP_SELECT }>;

/** The result every write hands back: enough to go to the problem's page and to post the next write. */
export interface ProblemWriteResult {
  id: number;
  number: string;
  slug: string;
  status: ProblemStatus;
  version: number;
}

export function resultOf(row: Pick<StepRow, 'id' | 'number' | 'seq' | 'status' | 'version' | 'planYear'>) {
  return {
    id: row.id,
    number: row.number,
    slug: problemSlug(row.planYear.year, row.seq),
    status: row.status,
    version: row.version,
  } satisfies ProblemWriteResult;
}

export function noticeOf(row: StepRow): ProblemNotice {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    slug: problemSlug(row.planYear.year, row.seq),
    year: row.planYear.year,
    raisedByDepartmentId: row.raisedByDepartmentId,
    leadDepartmentId: row.leadDepartmentId,
    supportingDepartmentIds: row.supportingUnits.map((u) => u.departmentId),
    leaderId: row.leaderId,
  };
}

/** The fields of a row as the audit trail compares them. */
export function auditFields(row: StepRow) {
  const { planYear: _year, supportingUnits, ...rest } = row;
  return { ...rest, supportingDepartmentIds: supportingUnits.map((u) => u.departmentId) };
}

/** "Someone changed it meanwhile": name who and when from the trail, as the reports do. */
export async function staleProblem(tx: Tx, problemId: number): Promise<ConflictError> {
  const last = await tx.auditLog.findFirst({
    where: { entity: 'Problem', entityId: String(problemId) },
    select: { at: true, actor: true, actorUser: { select: { displayName: true } } },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
  });
  return last
    ? new ConflictError('problems.flow.errors.staleVersion', {
        who: last.actorUser?.displayName ?? last.actor,
        time: formatChongqingTime(last.at, { seconds: false }),
      })
    : new ConflictError('problems.flow.errors.staleVersionUnknown');
}

export interface OpenedStep {
  row: StepRow;
  parties: ProblemParties;
  /** the status the flow leads to */
  status: ProblemStatus;
}

/**
 * Locks the problem, checks the actor may see it (else not found), the version they read (unless the step
 * cannot conflict: a reply adds to the timeline and changes nothing anyone read), and asks the flow.
 */
export async function openStep(
  tx: Tx,
  actor: Actor,
  action: ProblemAction,
  problemId: number,
  version: number | null,
): Promise<OpenedStep> {
  const { parties, relations } = await loadProblemFor(tx, actor, problemId, { lock: true });
  const row = await tx.problem.findUniqueOrThrow({ where: { id: problemId }, select: STEP_SELECT });
  if (version !== null && row.version !== version) throw await staleProblem(tx, problemId);
  const next = nextStatus(action, row.status, relations, { leadDepartmentId: parties.leadDepartmentId });
  if (!next.ok) {
    if (next.reason === 'notAllowed') throw new ForbiddenError();
    if (next.reason === 'notAssigned') throw new ConflictError('problems.flow.errors.notAssigned');
    throw new ConflictError('problems.flow.errors.wrongStatus', {
      status: { key: `enums.problemStatus.${row.status}` },
    });
  }
  return { row, parties, status: next.status };
}

/** One line of the timeline, by the actor for their unit (null author: the system). */
export async function addEntry(
  tx: Tx,
  problemId: number,
  kind: ProblemEntryKind,
  author: Pick<Actor, 'id' | 'departmentId'> | null,
  body = '',
  details: Prisma.InputJsonObject = {},
) {
  await tx.problemEntry.create({
    data: {
      problemId,
      kind,
      authorId: author?.id ?? null,
      departmentId: author?.departmentId ?? null,
      body,
      details,
    },
  });
}

/** Reads the row again after the step's update, for the audit diff and the notice. */
export function reread(tx: Tx, problemId: number) {
  return tx.problem.findUniqueOrThrow({ where: { id: problemId }, select: STEP_SELECT });
}

/** The audit row of a step, the last write of its transaction (lib/server/audit.ts). */
export async function auditStep(
  ctx: Pick<WriteContext<unknown>, 'audit'>,
  action: string,
  before: StepRow | null,
  after: StepRow,
  reason?: string | null,
) {
  const diff = before ? diffRecords(auditFields(before), auditFields(after)) : null;
  await ctx.audit({
    action,
    entity: 'Problem',
    entityId: after.id,
    before: diff ? diff.before : null,
    after: diff ? diff.after : diffRecords({}, auditFields(after)).after,
    reason: reason ?? null,
  });
}

// Two-key advisory locks: one per plan year and per kind of number. A row lock on PlanYear would queue behind
// every report write that share-locks the year (lib/server/admin/plan-year-lock.ts); this serialises only the
// numbering. The unique constraints (planYearId, seq) and (planYearId, supervisionSeq) stay the backstop.
async function nextSeq(tx: Tx, planYearId: number, column: 'seq' | 'supervisionSeq'): Promise<number> {
  const key = column === 'seq' ? 'problem-number' : 'problem-supervision-number';
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${key}), ${planYearId}::int)::text`;
  const rows =
    column === 'seq'
      ? await tx.$queryRaw<{ max: number | null }[]>`
          SELECT max(seq)::int AS max FROM "Problem" WHERE "planYearId" = ${planYearId}`
      : await tx.$queryRaw<{ max: number | null }[]>`
          SELECT max("supervisionSeq")::int AS max FROM "Problem" WHERE "planYearId" = ${planYearId}`;
  return (rows[0]?.max ?? 0) + 1;
}

export const nextProblemSeq = (tx: Tx, planYearId: number) => nextSeq(tx, planYearId, 'seq');
export const nextSupervisionSeq = (tx: Tx, planYearId: number) => nextSeq(tx, planYearId, 'supervisionSeq');
