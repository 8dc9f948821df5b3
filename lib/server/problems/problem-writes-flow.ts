import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { fromDateOnly, toDateOnly } from '@/lib/domain/date-only';
import type { Tx } from '@/lib/server/audit';
import { now, today } from '@/lib/server/clock';
import { ConflictError, ValidationError } from '@/lib/server/errors';
import type { WriteContext } from '@/lib/server/write-context';
import type { AssignProblemInput, EscalateProblemInput, ProblemTextInput } from '@/lib/validations/problem';
import { notifyProblem, type ProblemEvent } from './problem-notify';
import { issueSupervision } from './problem-supervision';
import {
  addEntry,
  auditStep,
  noticeOf,
  openStep,
  reread,
  resultOf,
  type ProblemWriteResult,
} from './problem-writes-core';

/** The name a notice gives the one who acted: their department (the bureau's is 区发展改革委), or a leader's name. */
async function actingName(tx: Tx, actor: Actor): Promise<string> {
  if (actor.departmentId === null) return actor.displayName;
  const d = await tx.department.findUnique({ where: { id: actor.departmentId }, select: { name: true } });
  return d?.name ?? actor.displayName;
}

async function announce(ctx: WriteContext<unknown>, event: ProblemEvent, problemId: number, comment?: string) {
  const row = await reread(ctx.tx, problemId);
  await notifyProblem(ctx.tx, event, noticeOf(row), {
    department: await actingName(ctx.tx, ctx.actor),
    comment,
    actorId: ctx.actor.id,
  });
  return row;
}

/** The default 督办 requirement when the bureau sets 挂牌督办 by hand and writes none. */
export function defaultRequirement(dueDate: string): string {
  return `请牵头单位于${dueDate}前办结，并书面报告办理情况。`;
}

/**
 * The bureau assigns (or reassigns) the lead unit, supporting units, leader, due date and level. The lead may be
 * any active department, not only the project's. 挂牌督办 set by hand issues the 督办单 as escalation does.
 */
export async function assignProblem(ctx: WriteContext<AssignProblemInput>): Promise<ProblemWriteResult> {
  const { tx, actor, input } = ctx;
  const { row: before, status } = await openStep(tx, actor, 'assign', input.problemId, input.version);
  const fieldErrors: Record<string, string[]> = {};
  const supporting = input.supportingDepartmentIds.filter((d) => d !== input.leadDepartmentId);
  const units = await tx.department.findMany({
    where: { id: { in: [input.leadDepartmentId, ...supporting] }, active: true },
    select: { id: true },
  });
  const active = new Set(units.map((u) => u.id));
  if (!active.has(input.leadDepartmentId)) fieldErrors.leadDepartmentId = ['problemUnitInvalid'];
  if (supporting.some((d) => !active.has(d))) fieldErrors.supportingDepartmentIds = ['problemUnitInvalid'];
  const leader = await tx.user.findFirst({ where: { id: input.leaderId, role: 'LEADER', active: true } });
  if (!leader) fieldErrors.leaderId = ['problemLeaderInvalid'];
  if (input.dueDate < (await today(tx))) fieldErrors.dueDate = ['problemDueDatePast'];
  if (Object.keys(fieldErrors).length) throw new ValidationError(fieldErrors);

  await tx.problemSupportingUnit.deleteMany({ where: { problemId: before.id } });
  if (supporting.length) {
    await tx.problemSupportingUnit.createMany({
      data: supporting.map((departmentId) => ({ problemId: before.id, departmentId })),
    });
  }
  await tx.problem.update({
    where: { id: before.id },
    data: {
      status,
      leadDepartmentId: input.leadDepartmentId,
      leaderId: input.leaderId,
      dueDate: fromDateOnly(input.dueDate),
      level: input.level,
      version: { increment: 1 },
    },
  });
  await addEntry(tx, before.id, 'ASSIGNED', actor, '', {
    leadDepartmentId: input.leadDepartmentId,
    supportingDepartmentIds: supporting,
    leaderId: input.leaderId,
    dueDate: input.dueDate,
    level: input.level,
    previousDueDate: toDateOnly(before.dueDate),
  });
  let escalated = false;
  if (input.level === 'SUPERVISED' && before.supervisionNumber === null) {
    await issueSupervision(
      tx,
      await reread(tx, before.id),
      input.requirement ?? defaultRequirement(input.dueDate),
      actor,
    );
    escalated = true;
  }
  const after = await announce(ctx, 'ASSIGNED', before.id);
  if (escalated) await announce(ctx, 'ESCALATED', before.id);
  await auditStep(ctx, 'problem.assign', before, after);
  return resultOf(after);
}

/**
 * A progress reply, a note of the bureau, a leader's 批示. It changes nothing anyone read, so it names no version
 * and bumps none: a reply must not make the others' open forms stale.
 */
export async function replyToProblem(ctx: WriteContext<ProblemTextInput>): Promise<ProblemWriteResult> {
  const { tx, actor, input } = ctx;
  const { row: before } = await openStep(tx, actor, 'reply', input.problemId, null);
  await addEntry(tx, before.id, 'REPLY', actor, input.text);
  const after = await announce(ctx, 'REPLY', before.id, input.text);
  await ctx.audit({ action: 'problem.reply', entity: 'Problem', entityId: before.id, after: { reply: input.text } });
  return resultOf(after);
}

type TextStep = 'proposeClose' | 'close' | 'sendBack' | 'reopen';

const STEP_OF: Record<
  TextStep,
  { entry: 'CLOSE_PROPOSED' | 'CLOSED' | 'SENT_BACK' | 'REOPENED'; event: ProblemEvent }
> = {
  proposeClose: { entry: 'CLOSE_PROPOSED', event: 'CLOSE_PROPOSED' },
  close: { entry: 'CLOSED', event: 'CLOSED' },
  sendBack: { entry: 'SENT_BACK', event: 'SENT_BACK' },
  reopen: { entry: 'REOPENED', event: 'REOPENED' },
};

/**
 * The steps that move the status with a text: the lead unit proposes closure (what was done); the bureau closes
 * (the resolution), sends back (the reason) or reopens (the reason; the closure is cleared, a 督办单 is kept).
 */
export async function moveProblem(ctx: WriteContext<ProblemTextInput>, step: TextStep): Promise<ProblemWriteResult> {
  const { tx, actor, input } = ctx;
  const { row: before, status } = await openStep(tx, actor, step, input.problemId, input.version);
  const closure =
    step === 'close'
      ? { resolution: input.text, closedById: actor.id, closedAt: await now(tx) }
      : step === 'reopen'
        ? { resolution: null, closedById: null, closedAt: null }
        : {};
  await tx.problem.update({ where: { id: before.id }, data: { status, ...closure, version: { increment: 1 } } });
  await addEntry(tx, before.id, STEP_OF[step].entry, actor, input.text);
  const comment = step === 'sendBack' || step === 'reopen' ? input.text : undefined;
  const after = await announce(ctx, STEP_OF[step].event, before.id, comment);
  await auditStep(ctx, `problem.${step}`, before, after, input.text);
  return resultOf(after);
}

/** The bureau raises a problem to 挂牌督办 by hand, with its requirement: the 督办单 is issued once. */
export async function escalateProblem(ctx: WriteContext<EscalateProblemInput>): Promise<ProblemWriteResult> {
  const { tx, actor, input } = ctx;
  const { row: before } = await openStep(tx, actor, 'escalate', input.problemId, input.version);
  if (before.supervisionNumber !== null) throw new ConflictError('problems.flow.errors.alreadyEscalated');
  await issueSupervision(tx, before, input.requirement, actor);
  await tx.problem.update({ where: { id: before.id }, data: { version: { increment: 1 } } });
  const after = await announce(ctx, 'ESCALATED', before.id, input.requirement);
  await auditStep(ctx, 'problem.escalate', before, after, input.requirement);
  return resultOf(after);
}
