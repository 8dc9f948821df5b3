/** Measurement d: a department's batch of 40 draft saves and a bulk approval, against one UPDATE each. */
import { actorOf, setBenchRequestContext, type BenchContext } from './context';
import type { DbResults } from './measure-db';
import { pair, timed, timedSelf } from './timing';

export async function measureWrites(
  ctx: BenchContext,
): Promise<Pick<DbResults, 'batchSave' | 'bulkApprove' | 'bulkApproveUpkeep'>> {
  const { db, c, writeRuns, log, bureau, planYear } = ctx;
  const reports = await import('../../lib/actions/reports');

  // d. batch entry: 40 sequential saveReportDraft calls of one department user (as the batch screen's 保存全部)
  log('d. batch save and bulk approve …');
  const deptRow = await c.query<{ departmentId: number }>(
    `SELECT p."departmentId" FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
        WHERE pp."planYearId" = $1 AND pp.stage <> 'PRELIMINARY' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    [planYear.id],
  );
  const deptId = deptRow.rows[0]!.departmentId;
  const reporter = await actorOf(db, { role: 'DEPARTMENT', departmentId: deptId });
  const plans = (
    await c.query<{ id: number }>(
      `SELECT pp.id FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
          WHERE pp."planYearId" = $1 AND p."departmentId" = $2 AND pp.stage <> 'PRELIMINARY'
            AND NOT EXISTS (SELECT 1 FROM "MonthlyReport" r WHERE r."planId" = pp.id AND r.flags <> '{}')
          ORDER BY pp.id LIMIT 40`,
      [planYear.id, deptId],
    )
  ).rows.map((r) => r.id);
  const cm = planYear.currentMonth;
  // untimed: the 40 reports of the current month exist as drafts, so every save is an update of a draft
  await c.query(
    `INSERT INTO "MonthlyReport" ("planId", month, "investedThisMonth", status, "updatedAt")
       SELECT id, $2, 0, 'DRAFT', now() FROM unnest($1::int[]) id ON CONFLICT ("planId", month) DO NOTHING`,
    [plans, cm],
  );
  await c.query(
    `UPDATE "MonthlyReport" SET status = 'DRAFT', "submittedAt" = NULL, "reviewedAt" = NULL, "approvedInvested" = NULL
        WHERE "planId" = ANY($1::int[]) AND month = $2`,
    [plans, cm],
  );
  let toggle = 0;
  const saveBatch = async () => {
    toggle++;
    const current = await c.query<{ planId: number; version: number; amount: string }>(
      `SELECT "planId", version, "investedThisMonth"::text AS amount FROM "MonthlyReport" WHERE "planId" = ANY($1::int[]) AND month = $2`,
      [plans, cm],
    );
    const versions = new Map(current.rows.map((r) => [r.planId, r.version]));
    // the amount the department had entered (so the entry checks pass as they did); the text changes every run
    const amounts = new Map(current.rows.map((r) => [r.planId, r.amount]));
    setBenchRequestContext({ actor: reporter, ip: '127.0.0.1', locale: 'zh-CN' });
    const t0 = performance.now();
    for (const planId of plans) {
      const res = await reports.saveReportDraft({
        projectPlanId: planId,
        month: cm,
        version: versions.get(planId),
        investedThisMonth: amounts.get(planId),
        progressText: `基准第${toggle}次保存`,
        problems: '',
        coordinationNeeded: '',
        nextSteps: '',
        blockers: '',
        percentComplete: '',
        actualStart: '',
        actualCompletion: '',
      });
      if (!res.ok)
        throw new Error(`saveReportDraft failed: ${res.code} ${res.message} ${JSON.stringify(res.fieldErrors ?? {})}`);
    }
    return performance.now() - t0;
  };
  const rawSave = async () => {
    toggle++;
    await c.query(
      `UPDATE "MonthlyReport" r SET "investedThisMonth" = v.amount, "progressText" = v.progress, version = r.version + 1, "updatedAt" = now()
           FROM unnest($1::int[], $2::numeric[], $3::text[]) AS v("planId", amount, progress)
          WHERE r."planId" = v."planId" AND r.month = $4 AND r.status IN ('DRAFT', 'RETURNED')`,
      [plans, plans.map(() => '0'), plans.map(() => `基准第${toggle}次保存`), cm],
    );
  };
  const appSaves = await timedSelf(saveBatch, writeRuns);
  const d1 = pair(
    appSaves,
    await timed(rawSave, writeRuns),
    '40 × saveReportDraft (sequential, as 保存全部) vs one UPDATE … FROM unnest(…)',
  );

  // d. bulk approve: up to 1,000 submitted reports
  const chosen = (
    await c.query<{ id: number }>(
      `SELECT r.id FROM "MonthlyReport" r JOIN "ProjectPlan" pp ON pp.id = r."planId"
          WHERE pp."planYearId" = $1 AND pp.stage <> 'PRELIMINARY' AND r."planId" <> ALL($2::int[])
          ORDER BY r.month DESC, r.id LIMIT 1000`,
      [planYear.id, plans],
    )
  ).rows.map((r) => r.id);
  const resetSubmitted = () =>
    c.query(
      `UPDATE "MonthlyReport" SET status = 'SUBMITTED', "submittedAt" = now(), "reviewedAt" = NULL, "reviewedById" = NULL, "reviewComment" = NULL
          WHERE id = ANY($1::int[])`,
      [chosen],
    );
  const approveApp = async () => {
    const current = await c.query<{ id: number; version: number }>(
      `SELECT id, version FROM "MonthlyReport" WHERE id = ANY($1::int[])`,
      [chosen],
    );
    setBenchRequestContext({ actor: bureau, ip: '127.0.0.1', locale: 'zh-CN' });
    const t0 = performance.now();
    const res = await reports.approveReports({
      reports: current.rows.map((r) => ({ reportId: r.id, version: r.version })),
    });
    if (!res.ok) throw new Error(`approveReports failed: ${res.code} ${res.message}`);
    return performance.now() - t0;
  };
  const approveRaw = () =>
    c.query(
      `UPDATE "MonthlyReport" SET status = 'APPROVED', "approvedInvested" = "investedThisMonth", "reviewedById" = $2,
                "reviewedAt" = now(), "reviewComment" = NULL, version = version + 1, "updatedAt" = now()
          WHERE id = ANY($1::int[]) AND status = 'SUBMITTED'`,
      [chosen, bureau.id],
    );
  // the bare UPDATE, as before the summary: its triggers off for the statement (replica role, superuser only; the
  // next reset recomputes the touched plans' summary from the reports, so nothing stays stale)
  const approveBare = async () => {
    await c.query('BEGIN');
    try {
      await c.query(`SET LOCAL session_replication_role = replica`);
      await approveRaw();
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK');
      throw e;
    }
  };
  const appApprove = await timedSelf(approveApp, writeRuns, resetSubmitted);
  const bare = await timed(approveBare, writeRuns, { before: resetSubmitted }).catch(() => null);
  // the floor now: the same UPDATE with the summary's upkeep (its statement-level triggers), as the app pays it
  const upkeep = await timed(approveRaw, writeRuns, { before: resetSubmitted });
  const d2 = pair(
    appApprove,
    bare ?? upkeep,
    `approveReports of ${chosen.length} reports vs one multi-row UPDATE${bare ? ' (triggers off)' : ' (triggers on: no superuser)'}`,
  );
  const d3 = pair(
    appApprove,
    upkeep,
    `approveReports of ${chosen.length} reports vs one multi-row UPDATE plus the summary's upkeep`,
  );

  return {
    batchSave: { ...d1, rows: plans.length },
    bulkApprove: { ...d2, reports: chosen.length },
    bulkApproveUpkeep: { ...d3, reports: chosen.length },
  };
}
