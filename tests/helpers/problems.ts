/**
 * Problems (协调问题) written straight into a test database, in whatever state a test needs, without the flow's
 * writes: for the reads (ledger, statistics, bulletin, API) and their scoping. Each problem gets the timeline its
 * state implies (RAISED, ASSIGNED once assigned, CLOSED once closed), so "last activity" has entries to read.
 */
import type { ProblemLevel, ProblemStatus } from '@/generated/prisma/enums';
import { problemNumber, supervisionNumber } from '@/lib/domain/problems/numbering';
import type { Db } from '@/lib/prisma';

export interface ProblemSpec {
  year?: number;
  title?: string;
  description?: string;
  status?: ProblemStatus;
  level?: ProblemLevel;
  /** the category's name (the migration seeds 征地拆迁 … 其他); default 其他 */
  category?: string;
  projectId?: number | null;
  raisedByDepartmentId: number;
  leadDepartmentId?: number | null;
  supportingDepartmentIds?: number[];
  leaderId?: number | null;
  /** "YYYY-MM-DD" */
  dueDate?: string | null;
  /** a 督办单 is issued (level SUPERVISED unless given) */
  supervised?: boolean;
  /** for CLOSED: when, default dueDate or 2025-10-15 */
  closedAt?: Date;
  resolution?: string;
  /** a progress reply on the timeline */
  reply?: string;
  createdAt?: Date;
}

/** Inserts one problem with its timeline; numbers run on per year from the highest one. */
export async function insertProblem(db: Db, spec: ProblemSpec): Promise<{ id: number; number: string; slug: string }> {
  const year = spec.year ?? 2025;
  const planYear = await db.planYear.findUniqueOrThrow({ where: { year } });
  const category = await db.problemCategory.findUniqueOrThrow({ where: { name: spec.category ?? '其他' } });
  const last = await db.problem.aggregate({
    where: { planYearId: planYear.id },
    _max: { seq: true, supervisionSeq: true },
  });
  const seq = (last._max.seq ?? 0) + 1;
  const status = spec.status ?? (spec.leadDepartmentId ? 'IN_PROGRESS' : 'PENDING');
  const supervisionSeq = spec.supervised ? (last._max.supervisionSeq ?? 0) + 1 : null;
  const createdAt = spec.createdAt ?? new Date('2025-09-01T02:00:00Z');
  const closedAt = status === 'CLOSED' ? (spec.closedAt ?? new Date('2025-10-15T02:00:00Z')) : null;
  const problem = await db.problem.create({
    data: {
      planYearId: planYear.id,
      seq,
      number: problemNumber(year, seq),
      projectId: spec.projectId ?? null,
      categoryId: category.id,
      title: spec.title ?? `问题${seq}`,
      description: spec.description ?? `问题${seq}的描述`,
      raisedByDepartmentId: spec.raisedByDepartmentId,
      leadDepartmentId: spec.leadDepartmentId ?? null,
      leaderId: spec.leaderId ?? null,
      dueDate: spec.dueDate ? new Date(`${spec.dueDate}T00:00:00Z`) : null,
      level: spec.level ?? (spec.supervised ? 'SUPERVISED' : 'NORMAL'),
      status,
      supervisionSeq,
      supervisionNumber: supervisionSeq ? supervisionNumber(year, supervisionSeq) : null,
      supervisionRequirement: supervisionSeq ? '限期办结并书面报告' : null,
      escalatedAt: supervisionSeq ? createdAt : null,
      resolution: closedAt ? (spec.resolution ?? '已协调解决') : null,
      closedAt,
      createdAt,
      supportingUnits: spec.supportingDepartmentIds?.length
        ? { create: spec.supportingDepartmentIds.map((departmentId) => ({ departmentId })) }
        : undefined,
    },
  });
  const entries: { kind: 'RAISED' | 'ASSIGNED' | 'REPLY' | 'CLOSED'; body: string; at: Date }[] = [
    { kind: 'RAISED', body: '', at: createdAt },
  ];
  if (spec.leadDepartmentId) entries.push({ kind: 'ASSIGNED', body: '', at: new Date(createdAt.getTime() + 3600_000) });
  if (spec.reply) entries.push({ kind: 'REPLY', body: spec.reply, at: new Date(createdAt.getTime() + 7200_000) });
  if (closedAt) entries.push({ kind: 'CLOSED', body: problem.resolution ?? '', at: closedAt });
  await db.problemEntry.createMany({
    data: entries.map((e) => ({ problemId: problem.id, kind: e.kind, body: e.body, createdAt: e.at })),
  });
  return { id: problem.id, number: problem.number, slug: `${year}-${seq}` };
}

/** A department's id by its name. */
export async function departmentId(db: Db, name: string): Promise<number> {
  return (await db.department.findUniqueOrThrow({ where: { name } })).id;
}

/** A user's id by username. */
export async function userId(db: Db, username: string): Promise<number> {
  return (await db.user.findUniqueOrThrow({ where: { username } })).id;
}

/**
 * Removes every problem (the demo's 60 among them), for tests that count the problems they insert themselves. Test
 * databases only: the product never deletes a problem.
 */
export async function removeAllProblems(db: Db): Promise<void> {
  await db.problemEntry.deleteMany();
  await db.problemSupportingUnit.deleteMany();
  await db.problem.deleteMany();
}
