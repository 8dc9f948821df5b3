import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { toAuditRecord, type AuditRecord, type Tx } from '@/lib/server/audit';
import type { PlannedCreate, PlannedUpdate } from './import-rows';
import { monthlyItems, planData, projectData } from './import-state';

const CHUNK = 5000;

interface ProjectAudit {
  entityId: string;
  before: AuditRecord | null;
  after: AuditRecord;
}

function pick(record: Record<string, unknown>, keys: string[]): AuditRecord {
  return toAuditRecord(Object.fromEntries(keys.map((k) => [k, record[k]])));
}

/**
 * Creates go in bulk through unnest() inserts: a handful of statements for 10,000 rows, well inside the action's
 * transaction timeout (Prisma's createMany builds one bound parameter per value, which is far slower).
 */
export async function insertProjects(
  tx: Tx,
  planYearId: number,
  creates: readonly PlannedCreate[],
): Promise<ProjectAudit[]> {
  const audits: ProjectAudit[] = [];
  for (let i = 0; i < creates.length; i += CHUNK) {
    const chunk = creates.slice(i, i + CHUNK);
    const ps = chunk.map((c) => c.project);
    const made = await tx.$queryRaw<{ id: number; code: string }[]>`
      INSERT INTO "Project" (code, name, "departmentId", "ownerUnit", area, "buildType", scope, "totalInvestment",
                             "plannedStart", "plannedCompletion", "leaderInCharge", "updatedAt")
      SELECT u.code, u.name, u.dep, u.owner, u.area, u.bt::"BuildType", u.scope, u.total, u.ps, u.pc, u.leader, now()
      FROM unnest(${ps.map((p) => p.code)}::text[], ${ps.map((p) => p.name)}::text[], ${ps.map((p) => p.departmentId)}::int[],
                  ${ps.map((p) => p.ownerUnit)}::text[], ${ps.map((p) => p.area)}::text[], ${ps.map((p) => p.buildType)}::text[],
                  ${ps.map((p) => p.scope)}::text[], ${ps.map((p) => p.totalInvestment)}::numeric[],
                  ${ps.map((p) => p.plannedStart)}::date[], ${ps.map((p) => p.plannedCompletion)}::date[],
                  ${ps.map((p) => p.leaderInCharge)}::text[])
        AS u(code, name, dep, owner, area, bt, scope, total, ps, pc, leader)
      RETURNING id, code`;
    const idOf = new Map(made.map((p) => [p.code, p.id]));
    const pl = chunk.map((c) => ({ ...c.plan, projectId: idOf.get(c.project.code)! }));
    const plans = await tx.$queryRaw<{ id: number; projectId: number }[]>`
      INSERT INTO "ProjectPlan" ("projectId", "planYearId", stage, "investorType", direction, "cumulativeBeforeYear",
                                 "annualPlan", "milestoneTarget", "monthlySplitDerived", "updatedAt")
      SELECT u.pid, ${planYearId}, u.stage::"Stage", u.inv::"InvestorType", u.dir::"Direction", u.before, u.annual, u.target,
             u.derived::"SplitProfile", now()
      FROM unnest(${pl.map((p) => p.projectId)}::int[], ${pl.map((p) => p.stage)}::text[], ${pl.map((p) => p.investorType)}::text[],
                  ${pl.map((p) => p.direction)}::text[], ${pl.map((p) => p.cumulativeBeforeYear)}::numeric[],
                  ${pl.map((p) => p.annualPlan)}::numeric[], ${pl.map((p) => p.milestoneTarget)}::text[],
                  ${pl.map((p) => p.monthlySplitDerived)}::text[])
        AS u(pid, stage, inv, dir, before, annual, target, derived)
      RETURNING id, "projectId"`;
    const planOf = new Map(plans.map((p) => [p.projectId, p.id]));
    const items = chunk.flatMap(({ project, plan }) =>
      monthlyItems(planOf.get(idOf.get(project.code)!)!, plan.monthlyPlan),
    );
    if (items.length) {
      await tx.$executeRaw`
        INSERT INTO "MonthlyPlanItem" ("planId", month, amount)
        SELECT * FROM unnest(${items.map((m) => m.planId)}::int[], ${items.map((m) => m.month)}::int[], ${items.map((m) => m.amount)}::numeric[])`;
    }
    for (const { project, plan } of chunk) {
      audits.push({
        entityId: String(idOf.get(project.code)),
        before: null,
        after: toAuditRecord({ ...project, ...plan }),
      });
    }
  }
  return audits;
}

/** The few updates, one by one; each moves the plan's version, so a form filled before the import is refused. */
export async function updateProjects(
  tx: Tx,
  planYearId: number,
  updates: readonly PlannedUpdate[],
): Promise<ProjectAudit[]> {
  const audits: ProjectAudit[] = [];
  for (const u of updates) {
    if (u.projectFields.length) {
      await tx.project.update({ where: { id: u.id }, data: projectData(u.project) });
    }
    let planId = u.planId;
    if (planId === null) {
      planId = (
        await tx.projectPlan.create({
          data: { ...planData(u.plan), projectId: u.id, planYearId },
          select: { id: true },
        })
      ).id;
      await tx.monthlyPlanItem.createMany({ data: monthlyItems(planId, u.plan.monthlyPlan) });
    } else if (u.planFields.length) {
      await tx.projectPlan.update({ where: { id: planId }, data: { ...planData(u.plan), version: { increment: 1 } } });
      if (u.planFields.includes('monthlyPlan')) {
        await tx.monthlyPlanItem.deleteMany({ where: { planId } });
        await tx.monthlyPlanItem.createMany({ data: monthlyItems(planId, u.plan.monthlyPlan) });
      }
    } else {
      // only the project's own fields changed; the version still moves, as the form's save does, so a form
      // filled before this import is refused instead of overwriting it
      await tx.projectPlan.update({ where: { id: planId }, data: { version: { increment: 1 } } });
    }
    const fields = [...u.projectFields, ...u.planFields];
    audits.push({ entityId: String(u.id), before: pick(u.before, fields), after: pick(u.after, fields) });
  }
  return audits;
}

/** Per-project before/after, so each project's history shows the import; bulk-written in the same transaction. */
export async function auditProjects(
  tx: Tx,
  who: { actor: Actor; ip: string | null },
  audits: readonly ProjectAudit[],
  reason: string | null,
): Promise<void> {
  for (let i = 0; i < audits.length; i += CHUNK) {
    const chunk = audits.slice(i, i + CHUNK);
    await tx.$executeRaw`
      INSERT INTO "AuditLog" ("actorId", actor, ip, action, entity, "entityId", before, after, reason)
      SELECT ${who.actor.id}, ${who.actor.username}, ${who.ip}, 'project.import', 'Project', u.eid, u.b, u.a, ${reason}
      FROM unnest(${chunk.map((a) => a.entityId)}::text[], ${chunk.map((a) => (a.before ? JSON.stringify(a.before) : null))}::jsonb[],
                  ${chunk.map((a) => JSON.stringify(a.after))}::jsonb[]) AS u(eid, b, a)`;
  }
}
