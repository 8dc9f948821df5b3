/**
 * The project forms as the pages send them (components/projects/project-form.tsx), for the stories that post them
 * to `createProject` and `updateProject`, and the proof that a refused one wrote nothing.
 */
import { expect } from 'vitest';
import type { MonthlyPlanItem, Project, ProjectPlan } from '@/generated/prisma/client';
import type { ActionResult } from '@/lib/actions/safe-action';
import { toDateOnly } from '@/lib/domain/date-only';
import type { Db } from '@/lib/prisma';
import { digestOf } from './audit';

type PlanOfProject = ProjectPlan & { project: Project; monthlyPlan: MonthlyPlanItem[] };

const day = (d: Date | null) => toDateOnly(d) ?? '';

/** A stored project's edit form for one plan: every field as the form holds it, unchanged, with no reason given; the plan's months in the order given. */
export function projectEditForm(plan: PlanOfProject) {
  const p = plan.project;
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    departmentId: p.departmentId,
    ownerUnit: p.ownerUnit,
    area: p.area,
    buildType: p.buildType,
    scope: p.scope,
    totalInvestment: p.totalInvestment.toFixed(2),
    plannedStart: day(p.plannedStart),
    plannedCompletion: day(p.plannedCompletion),
    actualStart: day(p.actualStart),
    actualCompletion: day(p.actualCompletion),
    leaderInCharge: p.leaderInCharge ?? '',
    contactName: p.contactName ?? '',
    contactPhone: p.contactPhone ?? '',
    planYearId: plan.planYearId,
    stage: plan.stage as string,
    investorType: plan.investorType as string,
    direction: plan.direction as string,
    cumulativeBeforeYear: plan.cumulativeBeforeYear.toFixed(2),
    annualPlan: plan.annualPlan?.toFixed(2) ?? '',
    monthly: plan.monthlyPlan.map((m) => m.amount.toFixed(2)) as (string | null)[],
    milestoneTarget: plan.milestoneTarget ?? '',
    reason: '',
    planVersion: plan.version as number | null,
  };
}

let seq = 0;
/** A new project's form, valid, of the department for the given year; each call a new code. */
export function newProjectForm(departmentId: number, planYearId: number, overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    code: `TEST-${seq}`,
    name: `测试新建项目${seq}`,
    departmentId,
    ownerUnit: '渝中区城市建设投资公司',
    area: '解放碑',
    buildType: 'NEW',
    scope: '道路改造 1.2公里',
    totalInvestment: '２０，０００',
    plannedStart: '2025-03-01',
    plannedCompletion: '2026-06-30',
    actualStart: '',
    actualCompletion: '',
    leaderInCharge: '',
    contactName: '张三',
    contactPhone: '023-63800000',
    planYearId,
    stage: 'NEW_START',
    investorType: 'DISTRICT',
    direction: 'INFRASTRUCTURE',
    cumulativeBeforeYear: '0',
    annualPlan: '1,200',
    monthly: Array<string>(12).fill('100'),
    milestoneTarget: '开工建设',
    reason: '',
    ...overrides,
  };
}

/** Projects, plans, monthly splits and the trail: what a refused project write or import must leave as it was. */
export const projectDigest = (db: Db) => digestOf(db, ['Project', 'ProjectPlan', 'MonthlyPlanItem', 'AuditLog']);

/** Calls the action and proves it was refused with nothing written; returns the refusal. */
export async function refusedWithNothingWritten<T>(db: Db, call: () => Promise<ActionResult<T>>) {
  const before = await projectDigest(db);
  const result = await call();
  expect(result.ok, JSON.stringify(result)).toBe(false);
  expect(await projectDigest(db)).toBe(before);
  if (result.ok) throw new Error('unreachable');
  return result;
}

/** 2025 made ACTIVE, a DRAFT 2026 and a CLOSED 2019 beside it; their ids. */
export async function projectStoryYears(db: Db) {
  const active = await db.planYear.update({ where: { year: 2025 }, data: { status: 'ACTIVE' } });
  const draft = await db.planYear.create({
    data: { year: 2026, title: '2026年计划（编制中）', approvedInvestment: '1000000', status: 'DRAFT' },
  });
  const closed = await db.planYear.create({
    data: { year: 2019, title: '2019年计划', approvedInvestment: '1000000', status: 'CLOSED' },
  });
  return { activeYearId: active.id, draftYearId: draft.id, closedYearId: closed.id };
}
