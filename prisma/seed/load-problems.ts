/**
 * Writes the demo's 协调问题 (prisma/seed/problems.ts) inside the seed's transaction: the problems, their
 * supporting units and their timelines, three bulk inserts. Names and usernames become ids here.
 */
import type { Prisma } from '@/generated/prisma/client';
import type { SeedData } from './generate';

type Tx = Prisma.TransactionClient;

interface Keys {
  planYearId: number;
  departmentId: (name: string) => number;
  /** the project's plan of the seeded year */
  planOf: (code: string) => number;
}

export async function loadProblems(tx: Tx, data: SeedData, keys: Keys) {
  const [categories, users, projects] = await Promise.all([
    tx.problemCategory.findMany({ select: { id: true, name: true } }),
    tx.user.findMany({ select: { id: true, username: true } }),
    tx.project.findMany({ select: { id: true, code: true } }),
  ]);
  const categoryId = new Map(categories.map((c) => [c.name, c.id]));
  const userId = new Map(users.map((u) => [u.username, u.id]));
  const projectId = new Map(projects.map((p) => [p.code, p.id]));
  const need = <K, V>(map: Map<K, V>, key: K, what: string): V => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`the demo problems name an unknown ${what}: ${String(key)}`);
    return value;
  };
  const user = (username: string | null) => (username === null ? null : need(userId, username, 'user'));

  const sources = data.problems.flatMap((p) =>
    p.source && p.projectCode ? [{ planId: keys.planOf(p.projectCode), month: p.source.month }] : [],
  );
  const reports = sources.length
    ? await tx.monthlyReport.findMany({ where: { OR: sources }, select: { id: true, planId: true, month: true } })
    : [];
  const reportId = new Map(reports.map((r) => [`${r.planId}/${r.month}`, r.id]));

  await tx.problem.createMany({
    data: data.problems.map((p) => ({
      planYearId: keys.planYearId,
      seq: p.seq,
      number: p.number,
      projectId: p.projectCode ? need(projectId, p.projectCode, 'project') : null,
      sourceReportId:
        p.source && p.projectCode ? need(reportId, `${keys.planOf(p.projectCode)}/${p.source.month}`, 'report') : null,
      sourceField: p.source?.field ?? null,
      categoryId: need(categoryId, p.category, 'category'),
      title: p.title,
      description: p.description,
      raisedByDepartmentId: keys.departmentId(p.raisedByDepartment),
      raisedById: user(p.raisedBy),
      leadDepartmentId: p.lead ? keys.departmentId(p.lead) : null,
      leaderId: user(p.leader),
      dueDate: p.dueDate ? new Date(`${p.dueDate}T00:00:00Z`) : null,
      level: p.level,
      status: p.status,
      supervisionSeq: p.supervision?.seq ?? null,
      supervisionNumber: p.supervision?.number ?? null,
      supervisionRequirement: p.supervision?.requirement ?? null,
      escalatedAt: p.supervision?.escalatedAt ?? null,
      resolution: p.resolution,
      closedById: user(p.closedBy),
      closedAt: p.closedAt,
      version: p.version,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    })),
  });
  const problemId = new Map(
    (await tx.problem.findMany({ select: { id: true, number: true } })).map((p) => [p.number, p.id]),
  );

  const supporting = data.problems.flatMap((p) =>
    p.supporting.map((d) => ({ problemId: problemId.get(p.number)!, departmentId: keys.departmentId(d) })),
  );
  await tx.problemSupportingUnit.createMany({ data: supporting });

  const entries = data.problems.flatMap((p) =>
    p.entries.map((e) => ({
      problemId: problemId.get(p.number)!,
      kind: e.kind,
      authorId: user(e.author),
      departmentId: e.department ? keys.departmentId(e.department) : null,
      body: e.body,
      // an ESCALATED entry names its 督办单 as the app's escalation writes it (problem-supervision.ts)
      details:
        e.kind === 'ESCALATED' && p.supervision
          ? { supervisionNumber: p.supervision.number }
          : entryDetails(e.details, keys.departmentId, user),
      createdAt: e.at,
    })),
  );
  await tx.problemEntry.createMany({ data: entries });
  return { problems: data.problems.length, problemEntries: entries.length };
}

/** An ASSIGNED entry's units and leader as ids, as the app writes them; other details as they are. */
function entryDetails(
  details: Record<string, unknown>,
  departmentId: (name: string) => number,
  user: (username: string | null) => number | null,
): Prisma.InputJsonObject {
  if (!('lead' in details)) return details as Prisma.InputJsonObject;
  const { lead, supporting, leader, dueDate, level } = details as {
    lead: string;
    supporting: string[];
    leader: string | null;
    dueDate: string;
    level: string;
  };
  return {
    leadDepartmentId: departmentId(lead),
    supportingDepartmentIds: supporting.map(departmentId),
    leaderId: user(leader),
    dueDate,
    level,
  };
}
