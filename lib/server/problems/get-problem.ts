import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { ProblemEntryKind, ProblemLevel, ProblemSourceField, ProblemStatus } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import { toDateOnly } from '@/lib/domain/date-only';
import { allowedActions, type ProblemAction } from '@/lib/domain/problems/flow';
import { parseProblemNumber, problemSlug } from '@/lib/domain/problems/numbering';
import { daysOverdue, isDueSoon, isOverdue } from '@/lib/domain/problems/overdue';
import type { Db } from '@/lib/prisma';
import { today } from '@/lib/server/clock';
import { NotFoundError } from '@/lib/server/errors';
import { loadProblemFor } from './problem-access';

export interface ProblemEntryView {
  id: number;
  kind: ProblemEntryKind;
  author: string | null;
  department: string | null;
  body: string;
  /** ASSIGNED: what was set; ESCALATED: the 督办单 number */
  details: Prisma.JsonValue;
  createdAt: Date;
}

/** One problem as its page, its 督办单 and the API show it, with what the actor may do now. */
export interface ProblemDetail {
  id: number;
  number: string;
  /** "2025-27": the URL form */
  slug: string;
  year: number;
  title: string;
  description: string;
  status: ProblemStatus;
  level: ProblemLevel;
  category: { id: number; name: string };
  project: { id: number; code: string; name: string; departmentName: string } | null;
  source: { reportId: number; month: number; field: ProblemSourceField } | null;
  raisedBy: { departmentId: number; department: string; user: string | null };
  lead: { id: number; name: string } | null;
  supporting: { id: number; name: string }[];
  leader: { id: number; name: string } | null;
  /** "YYYY-MM-DD" */
  dueDate: string | null;
  overdue: boolean;
  daysOverdue: number;
  dueSoon: boolean;
  supervision: { number: string; requirement: string | null; escalatedAt: Date | null } | null;
  closure: { resolution: string; closedBy: string | null; closedAt: Date } | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** oldest first */
  entries: ProblemEntryView[];
  /** the flow's actions open to this actor now (lib/domain/problems/flow.ts allowedActions) */
  actions: ProblemAction[];
}

const DETAIL_SELECT = {
  id: true,
  number: true,
  seq: true,
  title: true,
  description: true,
  status: true,
  level: true,
  dueDate: true,
  sourceReportId: true,
  sourceField: true,
  supervisionNumber: true,
  supervisionRequirement: true,
  escalatedAt: true,
  resolution: true,
  closedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  planYear: { select: { year: true } },
  category: { select: { id: true, name: true } },
  project: { select: { id: true, code: true, name: true, department: { select: { name: true } } } },
  sourceReport: { select: { month: true } },
  raisedByDepartmentId: true,
  raisedByDept: { select: { name: true } },
  raisedBy: { select: { displayName: true } },
  leadDepartment: { select: { id: true, name: true } },
  supportingUnits: { select: { department: { select: { id: true, name: true } } }, orderBy: { departmentId: 'asc' } },
  leader: { select: { id: true, displayName: true } },
  closedBy: { select: { displayName: true } },
  entries: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      kind: true,
      body: true,
      details: true,
      createdAt: true,
      departmentId: true,
      author: { select: { displayName: true, department: { select: { name: true } } } },
    },
  },
} satisfies Prisma.ProblemSelect;

/** Which problem: its id, or its number in either form (渝中协〔2025〕27号 or 2025-27). */
export type ProblemKey = { id: number } | { number: string };

async function resolveId(db: Db, key: ProblemKey): Promise<number> {
  if ('id' in key) return key.id;
  const parsed = parseProblemNumber(key.number);
  if (!parsed) throw new NotFoundError('problem');
  const row = await db.problem.findFirst({
    where: { seq: parsed.seq, planYear: { year: parsed.year } },
    select: { id: true },
  });
  if (!row) throw new NotFoundError('problem');
  return row.id;
}

/**
 * One problem for the actor, or NotFoundError when it does not exist or the actor takes no part in it (the same
 * answer, so a number reveals nothing). The record check is `loadProblemFor`'s.
 */
export async function getProblem(db: Db, actor: Actor, key: ProblemKey): Promise<ProblemDetail> {
  const id = await resolveId(db, key);
  const { relations, parties } = await loadProblemFor(db, actor, id);
  const row = await db.problem.findUniqueOrThrow({ where: { id }, select: DETAIL_SELECT });
  const day = await today(db);
  const dueDate = toDateOnly(row.dueDate);
  const due = { status: row.status, dueDate };
  return {
    id: row.id,
    number: row.number,
    slug: problemSlug(row.planYear.year, row.seq),
    year: row.planYear.year,
    title: row.title,
    description: row.description,
    status: row.status,
    level: row.level,
    category: row.category,
    project: row.project
      ? {
          id: row.project.id,
          code: row.project.code,
          name: row.project.name,
          departmentName: row.project.department.name,
        }
      : null,
    source:
      row.sourceReportId !== null && row.sourceField !== null && row.sourceReport
        ? { reportId: row.sourceReportId, month: row.sourceReport.month, field: row.sourceField }
        : null,
    raisedBy: {
      departmentId: row.raisedByDepartmentId,
      department: row.raisedByDept.name,
      user: row.raisedBy?.displayName ?? null,
    },
    lead: row.leadDepartment,
    supporting: row.supportingUnits.map((u) => u.department),
    leader: row.leader ? { id: row.leader.id, name: row.leader.displayName } : null,
    dueDate,
    overdue: isOverdue(due, day),
    daysOverdue: daysOverdue(due, day),
    dueSoon: isDueSoon(due, day),
    supervision: row.supervisionNumber
      ? { number: row.supervisionNumber, requirement: row.supervisionRequirement, escalatedAt: row.escalatedAt }
      : null,
    closure:
      row.status === 'CLOSED' && row.closedAt
        ? { resolution: row.resolution ?? '', closedBy: row.closedBy?.displayName ?? null, closedAt: row.closedAt }
        : null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    entries: row.entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      author: e.author?.displayName ?? null,
      department: e.author?.department?.name ?? null,
      body: e.body,
      details: e.details,
      createdAt: e.createdAt,
    })),
    actions: allowedActions(row.status, relations, {
      leadDepartmentId: parties.leadDepartmentId,
      supervisionNumber: row.supervisionNumber,
    }),
  };
}
