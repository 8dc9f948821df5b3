/**
 * The deadline load test's data (scripts/bench/deadline-load.ts), in plain SQL on its throwaway copy of the demo
 * database: the month each department has to report, made an open draft month again, and afterwards the checks
 * that nothing was lost or doubled and that the audit chain still verifies.
 */
import type pg from 'pg';
import { verifyAuditChain, type ChainBreak } from '@/lib/server/audit/verify-chain';

export interface DepartmentWork {
  username: string;
  reports: { planId: number; reportId: number; version: number; amount: string }[];
}

/**
 * The `departments` departments with the most projects (each with an active reporter; the demo data has 29 that own
 * projects, all 421 of them, so asking for more takes those 29), their
 * `month` reports of the active year all back to DRAFT, as if nobody had submitted yet. Returns each department's
 * reporter and reports as its screen shows them (ids and versions) and the audit chain's tip before the run.
 */
export async function prepareDeadline(
  client: pg.Client,
  departments: number,
  month: number,
): Promise<{ work: DepartmentWork[]; auditTip: string }> {
  const { rows: depts } = await client.query<{ departmentId: number; username: string }>(
    `SELECT p."departmentId", min(u.username) AS username
       FROM "ProjectPlan" pp JOIN "PlanYear" y ON y.id = pp."planYearId" AND y.status = 'ACTIVE'
       JOIN "Project" p ON p.id = pp."projectId"
       JOIN "User" u ON u."departmentId" = p."departmentId" AND u.role = 'DEPARTMENT' AND u.active
      GROUP BY 1 ORDER BY count(DISTINCT pp.id) DESC, 1 LIMIT $1`,
    [departments],
  );
  if (!depts.length) throw new Error('no department with projects and a reporter');
  const { rows: plans } = await client.query<{ id: number; departmentId: number }>(
    `SELECT pp.id, p."departmentId" FROM "ProjectPlan" pp JOIN "PlanYear" y ON y.id = pp."planYearId"
       JOIN "Project" p ON p.id = pp."projectId"
      WHERE y.status = 'ACTIVE' AND p."departmentId" = ANY($1::int[])
      ORDER BY pp.id`,
    [depts.map((d) => d.departmentId)],
  );
  const ids = plans.map((p) => p.id);
  await client.query(
    `INSERT INTO "MonthlyReport" ("planId", month, "investedThisMonth", status, "updatedAt")
       SELECT id, $2, 0, 'DRAFT', now() FROM unnest($1::int[]) id ON CONFLICT ("planId", month) DO NOTHING`,
    [ids, month],
  );
  await client.query(
    `UPDATE "MonthlyReport" SET status = 'DRAFT', "submittedAt" = NULL, "submittedById" = NULL
      WHERE "planId" = ANY($1::int[]) AND month = $2`,
    [ids, month],
  );
  const { rows: reports } = await client.query<DepartmentWork['reports'][number]>(
    // a project still in preliminary work reports its steps, not money (lib/domain/report-checks.ts)
    `SELECT r."planId", r.id AS "reportId", r.version,
            CASE WHEN pp.stage = 'PRELIMINARY' THEN '0' ELSE r."investedThisMonth"::text END AS amount
       FROM "MonthlyReport" r JOIN "ProjectPlan" pp ON pp.id = r."planId"
      WHERE r."planId" = ANY($1::int[]) AND r.month = $2 ORDER BY r."planId"`,
    [ids, month],
  );
  const byPlan = new Map(reports.map((r) => [r.planId, r]));
  const work = depts.map((d) => ({
    username: d.username,
    reports: plans.filter((p) => p.departmentId === d.departmentId).map((p) => byPlan.get(p.id)!),
  }));
  const { rows } = await client.query<{ tip: string }>(
    `SELECT coalesce(max("chainSeq"), 0)::text AS tip FROM "AuditLog"`,
  );
  return { work, auditTip: rows[0]!.tip };
}

export interface DeadlineCheck {
  reports: number;
  submitted: number;
  /** (plan, month) pairs with more than one report row */
  duplicates: number;
  /** reports whose save / submit the audit trail records other than exactly once */
  savedNotOnce: number;
  submittedNotOnce: number;
  auditChain: { ok: boolean; rows: number; broken: ChainBreak | null };
}

/** What the database says after the run, for the reports of `work`. */
export async function checkDeadline(
  client: pg.Client,
  work: DepartmentWork[],
  month: number,
  auditTip: string,
): Promise<DeadlineCheck> {
  const reportIds = work.flatMap((d) => d.reports.map((r) => String(r.reportId)));
  const planIds = work.flatMap((d) => d.reports.map((r) => r.planId));
  const { rows: state } = await client.query<{ reports: number; submitted: number; duplicates: number }>(
    `SELECT count(*)::int AS reports,
            count(*) FILTER (WHERE status = 'SUBMITTED' AND "submittedAt" IS NOT NULL)::int AS submitted,
            (SELECT count(*)::int FROM (SELECT 1 FROM "MonthlyReport" WHERE "planId" = ANY($1::int[]) AND month = $2
               GROUP BY "planId", month HAVING count(*) > 1) d) AS duplicates
       FROM "MonthlyReport" WHERE "planId" = ANY($1::int[]) AND month = $2`,
    [planIds, month],
  );
  const { rows: audit } = await client.query<{ savedNotOnce: number; submittedNotOnce: number }>(
    `WITH r AS (SELECT unnest($1::text[]) AS id),
          a AS (SELECT "entityId", action, count(*) AS n FROM "AuditLog"
                 WHERE "chainSeq" > $2::bigint AND action IN ('report.saveDraft', 'report.submit')
                 GROUP BY 1, 2)
     SELECT count(*) FILTER (WHERE coalesce(s.n, 0) <> 1)::int AS "savedNotOnce",
            count(*) FILTER (WHERE coalesce(u.n, 0) <> 1)::int AS "submittedNotOnce"
       FROM r LEFT JOIN a s ON s."entityId" = r.id AND s.action = 'report.saveDraft'
              LEFT JOIN a u ON u."entityId" = r.id AND u.action = 'report.submit'`,
    [reportIds, auditTip],
  );
  const chain = await verifyAuditChain(client);
  return {
    ...state[0]!,
    ...audit[0]!,
    auditChain: { ok: chain.ok, rows: Number(chain.rows), broken: chain.ok ? null : chain.broken },
  };
}
