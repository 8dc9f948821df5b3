import 'server-only';
import type { ProblemSourceField } from '@/generated/prisma/enums';
import { can } from '@/lib/auth/permissions';
import { problemNumber } from '@/lib/domain/problems/numbering';
import type { Tx } from '@/lib/server/audit';
import { today } from '@/lib/server/clock';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import type { WriteContext } from '@/lib/server/write-context';
import {
  PROBLEM_DESCRIPTION_MAX,
  PROBLEM_TITLE_MAX,
  type RaiseFromReportInput,
  type RaiseProblemInput,
} from '@/lib/validations/problem';
import { notifyProblem } from './problem-notify';
import {
  addEntry,
  auditStep,
  nextProblemSeq,
  noticeOf,
  reread,
  resultOf,
  type ProblemWriteResult,
} from './problem-writes-core';

/** The plan year a new problem is numbered in: the year of the business day, or of its source report. */
async function planYearOf(tx: Tx, year: number) {
  const planYear = await tx.planYear.findUnique({ where: { year }, select: { id: true, year: true } });
  if (!planYear) throw new ConflictError('problems.flow.errors.noPlanYear', { year: String(year) });
  return planYear;
}

async function activeCategory(tx: Tx, categoryId: number) {
  const category = await tx.problemCategory.findUnique({ where: { id: categoryId }, select: { active: true } });
  if (!category?.active) throw new ValidationError({ categoryId: ['problemCategoryInactive'] });
}

interface NewProblem {
  planYear: { id: number; year: number };
  projectId: number | null;
  categoryId: number;
  title: string;
  description: string;
  raisedByDepartmentId: number;
  raisedById: number | null;
  source: { reportId: number; field: ProblemSourceField } | null;
}

/** Numbers and inserts the problem, with its RAISED entry, the bureau's notice and the audit row (last). */
async function insertProblem(ctx: WriteContext<unknown>, p: NewProblem): Promise<ProblemWriteResult> {
  const { tx, actor } = ctx;
  const seq = await nextProblemSeq(tx, p.planYear.id);
  const created = await tx.problem.create({
    data: {
      planYearId: p.planYear.id,
      seq,
      number: problemNumber(p.planYear.year, seq),
      projectId: p.projectId,
      sourceReportId: p.source?.reportId ?? null,
      sourceField: p.source?.field ?? null,
      categoryId: p.categoryId,
      title: p.title,
      description: p.description,
      raisedByDepartmentId: p.raisedByDepartmentId,
      raisedById: p.raisedById,
    },
    select: { id: true },
  });
  await addEntry(tx, created.id, 'RAISED', actor, '', p.source ? { ...p.source } : {});
  const row = await reread(tx, created.id);
  const department = await tx.department.findUnique({ where: { id: p.raisedByDepartmentId }, select: { name: true } });
  await notifyProblem(tx, 'RAISED', noticeOf(row), { department: department?.name ?? '', actorId: actor.id });
  await auditStep(ctx, p.source ? 'problem.raiseFromReport' : 'problem.raise', null, row);
  return resultOf(row);
}

/**
 * A department raises a problem on one of its own projects or on none; the bureau on any. Another department's
 * project answers like a missing one.
 */
export async function raiseProblem(ctx: WriteContext<RaiseProblemInput>): Promise<ProblemWriteResult> {
  const { tx, actor, input } = ctx;
  let projectDepartmentId: number | null = null;
  if (input.projectId !== null) {
    const project = await tx.project.findUnique({ where: { id: input.projectId }, select: { departmentId: true } });
    if (!project || !can(actor, 'problem.raise', project)) throw new NotFoundError('project');
    projectDepartmentId = project.departmentId;
  }
  await activeCategory(tx, input.categoryId);
  // the bureau raises for its own office; an account without a department raises for the project's
  const raisedByDepartmentId = actor.departmentId ?? projectDepartmentId;
  if (raisedByDepartmentId === null) throw new ForbiddenError();
  const planYear = await planYearOf(tx, Number((await today(tx)).slice(0, 4)));
  return insertProblem(ctx, {
    planYear,
    projectId: input.projectId,
    categoryId: input.categoryId,
    title: input.title,
    description: input.description,
    raisedByDepartmentId,
    raisedById: actor.id,
    source: null,
  });
}

const SOURCE_COLUMN = { COORDINATION: 'coordinationNeeded', PROBLEMS: 'problems', BLOCKERS: 'blockers' } as const;

/** The title a report's text gives: its first line, cut at a whole character. */
export function titleFromText(textValue: string, projectName: string): string {
  const firstLine =
    textValue
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? projectName;
  const chars = [...firstLine];
  return chars.length <= 60 ? firstLine : `${chars.slice(0, 59).join('')}…`;
}

export interface RaiseFromReportResult extends ProblemWriteResult {
  /** true when the report's field had already been turned into this problem: nothing new was written */
  existing: boolean;
}

/**
 * The review queue's one click: a report's 需协调事项 (存在问题, 制约因素) becomes a problem of the report's
 * department, pre-filled and linked to the report, whose text stays as it was. A second click on the same field
 * finds the problem the first one made. The report's row lock makes two clicks queue, so they cannot both insert.
 */
export async function raiseProblemFromReport(ctx: WriteContext<RaiseFromReportInput>): Promise<RaiseFromReportResult> {
  const { tx, input } = ctx;
  await tx.$queryRaw`SELECT 1 FROM "MonthlyReport" WHERE id = ${input.reportId} FOR NO KEY UPDATE`;
  const report = await tx.monthlyReport.findUnique({
    where: { id: input.reportId },
    select: {
      id: true,
      status: true,
      problems: true,
      coordinationNeeded: true,
      blockers: true,
      submittedById: true,
      plan: {
        select: {
          planYear: { select: { id: true, year: true } },
          project: { select: { id: true, name: true, departmentId: true } },
        },
      },
    },
  });
  if (!report) throw new NotFoundError('report');
  const existing = await tx.problem.findFirst({
    where: { sourceReportId: report.id, sourceField: input.field },
    select: { id: true, number: true, seq: true, status: true, version: true, planYear: { select: { year: true } } },
    orderBy: { id: 'asc' },
  });
  if (existing) return { ...resultOf(existing), existing: true };
  // a draft is the department's own until it is sent
  if (report.status === 'DRAFT') throw new ConflictError('problems.flow.errors.reportNotSent');
  const source = report[SOURCE_COLUMN[input.field]].trim();
  if (!source) throw new ConflictError('problems.flow.errors.reportFieldEmpty');
  // 其他 while it is active, else the first active category: the bureau sets the right one when it assigns
  const category =
    (await tx.problemCategory.findFirst({ where: { active: true, name: '其他' }, select: { id: true } })) ??
    (await tx.problemCategory.findFirst({
      where: { active: true },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      select: { id: true },
    }));
  if (!category) throw new ConflictError('problems.flow.errors.noCategory');
  const project = report.plan.project;
  const created = await insertProblem(ctx, {
    planYear: report.plan.planYear,
    projectId: project.id,
    categoryId: category.id,
    title: titleFromText(source, project.name).slice(0, PROBLEM_TITLE_MAX),
    description: source.slice(0, PROBLEM_DESCRIPTION_MAX),
    raisedByDepartmentId: project.departmentId,
    raisedById: report.submittedById,
    source: { reportId: report.id, field: input.field },
  });
  return { ...created, existing: false };
}
