import 'server-only';
import type { Stage } from '@/generated/prisma/enums';
import { lockRow } from '@/lib/server/admin/lock-row';
import { toAuditRecord, type AuditEntry } from '@/lib/server/audit';
import { requirePermission } from '@/lib/server/authorize';
import { ConflictError, NotFoundError } from '@/lib/server/errors';
import type { CarryOverDecision, OpenNextPlanYearInput } from '@/lib/validations/carry-over';
import type { WriteContext } from '@/lib/server/write-context';
import { carryOverFacts } from './get-carry-over-proposal';
import { proposeCarryOver } from '@/lib/domain/carry-over';

export interface OpenNextPlanYearResult {
  year: number;
  planYearId: number;
  /** the plan year was made by this call (else an existing one without carried plans was filled) */
  created: boolean;
  carried: number;
  dropped: number;
  byStage: Partial<Record<Stage, number>>;
  /** 万元: the carried projects' cumulativeBeforeYear, summed */
  totalCumulative: string;
}

/** The stage a decision gives, or null when the project is not carried. */
function stageOf(decision: CarryOverDecision, proposed: Stage | null): Stage | null {
  if (decision === 'accept') return proposed;
  if (decision === 'drop') return null;
  return decision;
}

/**
 * Opens the year after a closed one with the projects the bureau carries (issue 19, item 2), in one transaction:
 * the next PlanYear made (DRAFT) if missing, one ProjectPlan per carried project with its chosen stage, its
 * investor and direction as in the closed year, and a cumulativeBeforeYear the database computes from the approved
 * figures (never typed: the decisions carry stages only). The annual amounts are left to the plan import or the
 * plan screen. The closed year's row is locked first, so two wizards confirming at once take turns and the second
 * finds the plans already carried.
 */
export async function openNextPlanYear(ctx: WriteContext<OpenNextPlanYearInput>): Promise<OpenNextPlanYearResult> {
  const { tx, actor, input } = ctx;
  requirePermission(actor, 'planYear.carryOver');
  const from = await tx.planYear.findUnique({
    where: { year: input.fromYear },
    select: { id: true, year: true, title: true, status: true },
  });
  if (!from) throw new NotFoundError('plan year');
  await lockRow(tx, 'PlanYear', from.id);
  const year = String(from.year);
  const toYear = from.year + 1;
  const next = String(toYear);
  const status = (await tx.planYear.findUniqueOrThrow({ where: { id: from.id }, select: { status: true } })).status;
  if (status !== 'CLOSED') throw new ConflictError('carryOver.errors.notClosed', { year });

  // every project of the closed year decided once, and nothing else: a stale page is sent back to reload
  const facts = await carryOverFacts(tx, from.id, from.year);
  const byProject = new Map(facts.map((f) => [f.projectId, f]));
  const unknown = input.decisions.filter((d) => !byProject.has(d.projectId)).length;
  if (unknown > 0) throw new ConflictError('carryOver.errors.stale', { year, count: String(unknown) });
  const missing = facts.length - input.decisions.length;
  if (missing > 0) throw new ConflictError('carryOver.errors.incomplete', { year, count: String(missing) });

  let target = await tx.planYear.findUnique({ where: { year: toYear }, select: { id: true, status: true } });
  if (target) {
    await lockRow(tx, 'PlanYear', target.id);
    if (target.status === 'CLOSED') throw new ConflictError('validation.planYearClosed', { year: next });
    const carried = await tx.projectPlan.count({
      where: { planYearId: target.id, projectId: { in: [...byProject.keys()] } },
    });
    if (carried > 0) {
      throw new ConflictError('carryOver.errors.alreadyCarried', { year, next, count: String(carried) });
    }
  }

  const chosen = input.decisions.flatMap((d) => {
    const stage = stageOf(d.decision, proposeCarryOver(from.year, byProject.get(d.projectId)!).stage);
    return stage ? [{ projectId: d.projectId, stage, decision: d.decision }] : [];
  });
  const created = !target;
  if (!target) {
    // the closed year's title with the year moved on ("渝中区2025年重点项目计划" → 2026); the amount is the
    // People's Congress's to approve, entered by the administrator later
    target = await tx.planYear.create({
      data: { year: toYear, title: from.title.replaceAll(year, next), approvedInvestment: 0, status: 'DRAFT' },
      select: { id: true, status: true },
    });
    await ctx.audit({
      action: 'planYear.create',
      entity: 'PlanYear',
      entityId: target.id,
      before: null,
      after: { year: toYear, title: from.title.replaceAll(year, next), status: 'DRAFT', fromYear: from.year },
    });
  }

  // investor, direction and the cumulative figure read from the closed year's plan inside the statement: the
  // client names projects and stages, nothing else
  const inserted = chosen.length
    ? await tx.$queryRaw<{ id: number; projectId: number; stage: Stage; cumulativeBeforeYear: string }[]>`
        INSERT INTO "ProjectPlan" ("projectId", "planYearId", stage, "investorType", direction,
                                   "cumulativeBeforeYear", "updatedAt")
        SELECT pp."projectId", ${target.id}, c.stage::"Stage", pp."investorType", pp.direction,
               pp."cumulativeBeforeYear" + COALESCE((SELECT sum(r."approvedInvested") FROM "MonthlyReport" r
                                                      WHERE r."planId" = pp.id), 0),
               now()
          FROM unnest(${chosen.map((c) => c.projectId)}::int[], ${chosen.map((c) => c.stage)}::text[]) AS c(pid, stage)
          JOIN "ProjectPlan" pp ON pp."projectId" = c.pid AND pp."planYearId" = ${from.id}
         ORDER BY c.pid
        RETURNING id, "projectId", stage, "cumulativeBeforeYear"::text AS "cumulativeBeforeYear"`
    : [];
  const decisionOf = new Map(chosen.map((c) => [c.projectId, c.decision]));
  const entries: AuditEntry[] = inserted.map((plan) => ({
    action: 'projectPlan.carryOver',
    entity: 'ProjectPlan',
    entityId: plan.id,
    before: null,
    after: {
      projectId: plan.projectId,
      code: byProject.get(plan.projectId)!.code,
      year: toYear,
      stage: plan.stage,
      cumulativeBeforeYear: plan.cumulativeBeforeYear,
      proposed: proposeCarryOver(from.year, byProject.get(plan.projectId)!).stage,
      decision: decisionOf.get(plan.projectId)!,
    },
  }));
  await ctx.auditMany(entries);

  const byStage: Partial<Record<Stage, number>> = {};
  for (const plan of inserted) byStage[plan.stage] = (byStage[plan.stage] ?? 0) + 1;
  const [sum] = await tx.$queryRaw<{ total: string }[]>`
    SELECT COALESCE(sum("cumulativeBeforeYear"), 0)::numeric(18, 2)::text AS total
      FROM "ProjectPlan" WHERE id = ANY(${inserted.map((p) => p.id)}::int[])`;
  const result: OpenNextPlanYearResult = {
    year: toYear,
    planYearId: target.id,
    created,
    carried: inserted.length,
    dropped: facts.length - inserted.length,
    byStage,
    totalCumulative: sum!.total,
  };
  await ctx.audit({
    action: 'planYear.carryOver',
    entity: 'PlanYear',
    entityId: target.id,
    before: null,
    after: toAuditRecord({ fromYear: from.year, ...result }),
  });
  return result;
}
