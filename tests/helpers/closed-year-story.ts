/**
 * The plumbing of the closed-years story (tests/integration/closed-years.test.ts): 2025's figures as leaders read
 * them, a year closed in a transaction held open, waiting until a call waits on that lock, and 2026's plans and
 * reports for 2025's projects.
 */
import { createHash } from 'node:crypto';
import type { Db } from '@/lib/prisma';
import type { Tx } from '@/lib/server/audit';
import { actorOf } from './actors';

/** 2025's figures as leaders read them: the rollup at two months and both bases, and the attention lists. */
export async function figures2025(db: Db) {
  const { getRollup } = await import('@/lib/server/dashboard/get-rollup');
  const { getAttention } = await import('@/lib/server/dashboard/get-attention');
  const leader = await actorOf(db, 'leader');
  const today = '2026-03-01';
  const all = await Promise.all([
    getRollup(db, leader, { year: 2025, month: 12, basis: 'approved' }),
    getRollup(db, leader, { year: 2025, month: 12, basis: 'submitted' }),
    getRollup(db, leader, { year: 2025, month: 7, basis: 'approved' }),
    getAttention(db, leader, { year: 2025, month: 12, basis: 'approved', today, redLimit: 500 }),
    getAttention(db, leader, { year: 2025, month: 4, basis: 'submitted', today, redLimit: 500 }),
  ]);
  const [december, , july, attention] = all;
  // a digest of everything, beside the headline figures so that a failure shows what moved
  return {
    digest: createHash('sha256').update(JSON.stringify(all)).digest('hex'),
    completed: [december?.completed, july?.completed],
    starts: december?.starts,
    completions: december?.completions,
    departments: december?.byDepartment.map((d) => `${d.key}:${d.count}:${d.completed}`).join(' '),
    areas: december?.byArea.map((a) => `${a.key}:${a.count}`).join(' '),
    milestones: december?.preliminary,
    attention: [attention?.red, attention?.yellow],
  };
}

/** Resolves once some backend of this database waits on a lock, or `work` has settled (it did not wait). */
export async function untilWaitingOrSettled(db: Db, work: Promise<unknown>) {
  let settled = false;
  void work.finally(() => (settled = true));
  for (let i = 0; i < 400 && !settled; i += 1) {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (row!.n > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Every plan of the year gets an approved December report (an existing one is approved as it stands, a missing one
 * is added with nothing invested): what the close insists on. Raw SQL, as the bureau's approvals would leave it.
 */
export async function approveDecember(db: Pick<Db, '$executeRaw'>, planYearId: number) {
  await db.$executeRaw`
    UPDATE "MonthlyReport" r SET status = 'APPROVED', "approvedInvested" = r."investedThisMonth"
      FROM "ProjectPlan" pp WHERE pp.id = r."planId" AND pp."planYearId" = ${planYearId} AND r.month = 12
       AND r.status <> 'APPROVED'`;
  await db.$executeRaw`
    INSERT INTO "MonthlyReport" ("planId", month, status, "approvedInvested", "updatedAt")
    SELECT pp.id, 12, 'APPROVED', 0, now() FROM "ProjectPlan" pp
     WHERE pp."planYearId" = ${planYearId}
       AND NOT EXISTS (SELECT 1 FROM "MonthlyReport" r WHERE r."planId" = pp.id AND r.month = 12)`;
}

/**
 * Closes a year the way the admin's action does (December approved first, see approveDecember), in a transaction
 * held open until `release` is called.
 */
export async function closeHeldOpen(db: Db, planYearId: number) {
  await approveDecember(db, planYearId);
  const { closePlanYear } = await import('@/lib/server/admin/plan-years');
  const { createWriteContext } = await import('@/lib/server/write-context');
  const admin = await actorOf(db, 'admin');
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const closing = new Promise<void>((resolve) => (locked = resolve));
  const done = db.$transaction(
    async (tx) => {
      await closePlanYear(
        createWriteContext(tx as Tx, {
          actor: admin,
          ip: null,
          input: {
            id: planYearId,
            confirmYear: (await db.planYear.findUniqueOrThrow({ where: { id: planYearId } })).year,
          },
          permission: 'planYear.close',
        }),
      );
      locked();
      await held;
    },
    { timeout: 60_000 },
  );
  await closing;
  return { release, done };
}

/** Plans in 2026 (DRAFT) for the given 2025 projects: the same stage, 120 万元 over twelve months, none for 前期. */
export async function planIn2026(db: Db, years: { y2025: number; y2026: number }, projectIds: number[]) {
  for (const projectId of projectIds) {
    const old = await db.projectPlan.findUniqueOrThrow({
      where: { projectId_planYearId: { projectId, planYearId: years.y2025 } },
    });
    const preliminary = old.stage === 'PRELIMINARY';
    await db.projectPlan.create({
      data: {
        projectId,
        planYearId: years.y2026,
        stage: old.stage,
        investorType: old.investorType,
        direction: old.direction,
        annualPlan: preliminary ? null : '120.00',
        monthlyPlan: preliminary
          ? undefined
          : { create: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, amount: '10.00' })) },
      },
    });
  }
}

/** A 2026 report of the project, submitted as it stands, for the bureau to approve. */
export async function submitted2026(
  db: Db,
  y2026: number,
  projectId: number,
  facts: { actualStart?: string; milestoneUpdates?: { kind: string; date: string }[] },
) {
  const plan = await db.projectPlan.findUniqueOrThrow({
    where: { projectId_planYearId: { projectId, planYearId: y2026 } },
  });
  return db.monthlyReport.create({
    data: {
      planId: plan.id,
      month: 1,
      status: 'SUBMITTED',
      investedThisMonth: '1.00',
      submittedAt: new Date(),
      actualStart: facts.actualStart ? new Date(`${facts.actualStart}T00:00:00Z`) : null,
      milestoneUpdates: facts.milestoneUpdates ?? [],
    },
  });
}
