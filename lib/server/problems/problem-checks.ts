import 'server-only';
import { toDateOnly } from '@/lib/domain/date-only';
import {
  daysOverdue,
  daysUntilDue,
  DEFAULT_ESCALATION_DAYS,
  DUE_SOON_DAYS,
  isDueSoon,
  isOverdue,
  shouldEscalate,
} from '@/lib/domain/problems/overdue';
import type { Db } from '@/lib/prisma';
import { writeAuditMany, type AuditEntry, type Tx } from '@/lib/server/audit';
import { notifyProblem } from './problem-notify';
import { issueSupervision } from './problem-supervision';
import { noticeOf, reread, STEP_SELECT, type StepRow } from './problem-writes-core';

/**
 * The daily check of open problems against the business day (`today`, "YYYY-MM-DD", from lib/server/clock.ts):
 *   - due within 3 days → PROBLEM_DUE_SOON to the lead unit, once per problem and due date;
 *   - past due → PROBLEM_OVERDUE to the lead unit and the bureau, once per problem and due date;
 *   - `problemEscalationDays` or more overdue and no 督办单 yet → 挂牌督办: the ESCALATED entry, the year's next
 *     督办 number, PROBLEM_ESCALATED to the lead unit, the leader and the bureau.
 * What was sent is recorded in the audit trail (actor "system"), which is also how a second run the same day (or a
 * second app process) knows to send nothing again: each problem is handled in its own transaction under its row
 * lock, and the reminder rows are looked up under that lock. A new due date (a reassignment) starts afresh.
 */
export interface ProblemCheckResult {
  dueSoon: number;
  overdue: number;
  escalated: number;
}

const SYSTEM = { actor: null, ip: null };

async function alreadySent(tx: Tx, problemId: number, action: string, dueDate: string): Promise<boolean> {
  const found = await tx.auditLog.findFirst({
    where: { action, entity: 'Problem', entityId: String(problemId), after: { path: ['dueDate'], equals: dueDate } },
    select: { id: true },
  });
  return found !== null;
}

type Outcome = 'dueSoon' | 'overdue' | 'escalated';

async function checkOne(tx: Tx, problemId: number, today: string, escalationDays: number): Promise<Outcome[]> {
  await tx.$queryRaw`SELECT 1 FROM "Problem" WHERE id = ${problemId} FOR UPDATE`;
  const row: StepRow = await tx.problem.findUniqueOrThrow({ where: { id: problemId }, select: STEP_SELECT });
  const dueDate = toDateOnly(row.dueDate);
  if (dueDate === null || row.status === 'CLOSED') return [];
  const due = { status: row.status, dueDate };
  const days = daysOverdue(due, today);
  const done: Outcome[] = [];
  const audits: AuditEntry[] = [];
  // the escalation's writes come first (they take the numbering lock), the audit rows last (lib/server/audit.ts)
  const escalable = row.status === 'IN_PROGRESS' || row.status === 'CLOSE_PROPOSED'; // the flow's rule: not PENDING
  if (
    escalable &&
    row.leadDepartmentId !== null &&
    shouldEscalate({ ...due, supervisionNumber: row.supervisionNumber }, today, escalationDays)
  ) {
    const requirement = `逾期${days}天未办结，列为挂牌督办，请牵头单位加快办理并书面报告办理情况。`;
    const number = await issueSupervision(tx, row, requirement, null);
    await tx.problem.update({ where: { id: row.id }, data: { version: { increment: 1 } } });
    await notifyProblem(tx, 'ESCALATED', noticeOf(await reread(tx, row.id)), { days });
    audits.push({
      action: 'problem.escalate',
      entity: 'Problem',
      entityId: row.id,
      before: { level: row.level, supervisionNumber: null },
      after: { level: 'SUPERVISED', supervisionNumber: number, dueDate, daysOverdue: days },
      reason: requirement,
    });
    done.push('escalated');
  }
  if (isDueSoon(due, today) && !(await alreadySent(tx, row.id, 'problem.dueSoon', dueDate))) {
    await notifyProblem(tx, 'DUE_SOON', noticeOf(row), { days: daysUntilDue(dueDate, today) });
    audits.push({ action: 'problem.dueSoon', entity: 'Problem', entityId: row.id, after: { dueDate } });
    done.push('dueSoon');
  }
  if (isOverdue(due, today) && !(await alreadySent(tx, row.id, 'problem.overdue', dueDate))) {
    await notifyProblem(tx, 'OVERDUE', noticeOf(row), { days });
    audits.push({ action: 'problem.overdue', entity: 'Problem', entityId: row.id, after: { dueDate } });
    done.push('overdue');
  }
  await writeAuditMany(tx, SYSTEM, audits);
  return done;
}

/**
 * Runs the check for every open problem with a due date that could need a reminder today. Export for the daily
 * scheduler; safe to run again and from several processes.
 */
export async function runProblemChecks(db: Db, today: string): Promise<ProblemCheckResult> {
  const setting = await db.appSetting.findUnique({ where: { id: 1 }, select: { problemEscalationDays: true } });
  const escalationDays = setting?.problemEscalationDays ?? DEFAULT_ESCALATION_DAYS;
  // due within the reminder window or already past: everything later needs nothing today
  const horizon = new Date(Date.parse(today) + DUE_SOON_DAYS * 86_400_000);
  const candidates = await db.problem.findMany({
    where: { status: { not: 'CLOSED' }, dueDate: { not: null, lte: horizon } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  const result: ProblemCheckResult = { dueSoon: 0, overdue: 0, escalated: 0 };
  for (const { id } of candidates) {
    const outcomes = await db.$transaction((tx) => checkOne(tx, id, today, escalationDays));
    for (const o of outcomes) result[o] += 1;
  }
  return result;
}
