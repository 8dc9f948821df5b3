/**
 * The three writes the fault tests interrupt (tests/integration/fault-*.test.ts), prepared on a seeded database:
 * a department's batch of draft saves, the bureau's bulk approval of a month, and a 10,000-row project import. Also
 * what is looked at afterwards: the audit chain, the figures version, and whether a transaction is visibly writing.
 * Plain SQL through `pg`, so a child process (tests/helpers/fault-driver.ts) can use it too.
 */
import pg from 'pg';
import { verifyAuditChain } from '@/lib/server/audit/verify-chain';

/** The seeded year's reporting month: November 2025 is open, mostly drafts and submissions. */
export const MONTH = 11;

export interface DraftBatch {
  username: string;
  items: { planId: number; reportId: number; version: number; amount: string }[];
}

export interface ApprovalBatch {
  reports: { reportId: number; version: number }[];
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {}); // the server may be killed under it; the failed query says so
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A department's batch screen: `size` of its November reports as drafts (the department with the most projects
 * that report money), and one of its reporters.
 */
export async function prepareDraftBatch(client: pg.Client, size: number): Promise<DraftBatch> {
  const { rows: plans } = await client.query<{ planId: number; departmentId: number }>(
    `WITH d AS (SELECT p."departmentId" FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
                 WHERE pp.stage <> 'PRELIMINARY' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)
     SELECT pp.id AS "planId", p."departmentId" FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
      WHERE p."departmentId" = (SELECT "departmentId" FROM d) AND pp.stage <> 'PRELIMINARY'
      ORDER BY pp.id LIMIT $1`,
    [size],
  );
  if (plans.length < size) throw new Error(`no department has ${size} projects that report money`);
  const ids = plans.map((p) => p.planId);
  await client.query(
    `INSERT INTO "MonthlyReport" ("planId", month, "investedThisMonth", status, "updatedAt")
       SELECT id, $2, 0, 'DRAFT', now() FROM unnest($1::int[]) id ON CONFLICT ("planId", month) DO NOTHING`,
    [ids, MONTH],
  );
  await client.query(
    `UPDATE "MonthlyReport" SET status = 'DRAFT', "submittedAt" = NULL, "submittedById" = NULL
      WHERE "planId" = ANY($1::int[]) AND month = $2`,
    [ids, MONTH],
  );
  const { rows: users } = await client.query<{ username: string }>(
    `SELECT username FROM "User" WHERE role = 'DEPARTMENT' AND active AND "departmentId" = $1 ORDER BY id LIMIT 1`,
    [plans[0]!.departmentId],
  );
  const { rows: items } = await client.query<DraftBatch['items'][number]>(
    `SELECT "planId", id AS "reportId", version, "investedThisMonth"::text AS amount FROM "MonthlyReport"
      WHERE "planId" = ANY($1::int[]) AND month = $2 ORDER BY "planId"`,
    [ids, MONTH],
  );
  return { username: users[0]!.username, items };
}

/** `size` November reports submitted and waiting for the bureau, none of them in `exclude` (plan ids). */
export async function prepareApprovalBatch(client: pg.Client, size: number, exclude: number[]): Promise<ApprovalBatch> {
  const { rows: plans } = await client.query<{ id: number }>(
    `SELECT pp.id FROM "ProjectPlan" pp JOIN "PlanYear" y ON y.id = pp."planYearId"
      WHERE y.status = 'ACTIVE' AND NOT (pp.id = ANY($1::int[])) ORDER BY pp.id LIMIT $2`,
    [exclude, size],
  );
  if (plans.length < size) throw new Error(`only ${plans.length} plans to approve, not ${size}`);
  const ids = plans.map((p) => p.id);
  await client.query(
    `INSERT INTO "MonthlyReport" ("planId", month, "investedThisMonth", status, "updatedAt")
       SELECT id, $2, 0, 'DRAFT', now() FROM unnest($1::int[]) id ON CONFLICT ("planId", month) DO NOTHING`,
    [ids, MONTH],
  );
  const { rows } = await client.query<{ reportId: number; version: number }>(
    `UPDATE "MonthlyReport" SET status = 'SUBMITTED', "submittedAt" = now(), "reviewComment" = NULL
      WHERE "planId" = ANY($1::int[]) AND month = $2 RETURNING id AS "reportId", version`,
    [ids, MONTH],
  );
  return { reports: rows.sort((a, b) => a.reportId - b.reportId) };
}

/** What must hold whatever happened: the audit chain verifies, and the figures version names the last commit. */
export async function integrityOf(client: pg.Client) {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const chain = await verifyAuditChain(client);
    const { rows } = await client.query<{ version: string }>(`SELECT version::text FROM "FiguresVersion" WHERE id = 1`);
    return { chainOk: chain.ok, auditRows: Number(chain.rows), figuresVersion: Number(rows[0]!.version) };
  } finally {
    await client.query('COMMIT');
  }
}

/** The audit rows of one action after the given id, as `entityId`s, in order. */
export async function auditedSince(client: pg.Client, action: string, sinceId: number): Promise<string[]> {
  const { rows } = await client.query<{ entityId: string }>(
    `SELECT "entityId" FROM "AuditLog" WHERE action = $1 AND id > $2 ORDER BY id`,
    [action, sinceId],
  );
  return rows.map((r) => r.entityId);
}

export async function lastAuditRowId(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ id: string | null }>(`SELECT max(id)::text AS id FROM "AuditLog"`);
  return Number(rows[0]!.id ?? 0);
}

/** Whether another session on this database is inside a transaction that has written and has not ended. */
export async function writingNow(client: pg.Client): Promise<boolean> {
  await client.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`,
  );
  return rows[0]!.n > 0;
}

/**
 * Makes the moment of the kill certain: this session locks the audit chain's tip row (every audited write takes it
 * before its first audit row, lib/server/audit.ts and migration 20261205230000), so the next write stops there with
 * all its other rows written in its open transaction, visibly waiting, until this session ends (ROLLBACK, or the
 * server's death).
 */
export async function holdAuditChain(client: pg.Client): Promise<void> {
  await client.query('BEGIN');
  await client.query('SELECT 1 FROM "AuditChainTip" WHERE id = 1 FOR UPDATE');
}

/** Whether a write on this database has written and now waits for the audit chain (see holdAuditChain). */
export async function waitingOnAuditChain(client: pg.Client): Promise<boolean> {
  // inside the holder's transaction, pg_stat_activity would otherwise show the same snapshot every time
  await client.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL
        AND wait_event_type = 'Lock'`,
  );
  return rows[0]!.n > 0;
}

/** The user-facing text of an interrupted write: retry-safe, in the user's language, no internals. */
export const UNAVAILABLE_ZH = /^服务暂时不可用：.*未做任何修改.*错误编号：[0-9a-f]{8}/;
export const NO_INTERNALS = /127\.0\.0\.1|ECONNREFUSED|ECONNRESET|Connection terminated|\n\s+at |prisma|postgres/i;
