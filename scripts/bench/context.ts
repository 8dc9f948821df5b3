/** What the measurements share, and who the stubbed request context says is acting. */
import type pg from 'pg';
import type { PlanYear } from '../../generated/prisma/client';
import type { SessionActor } from '../../lib/auth/session';
import type { Db } from '../../lib/prisma';

/** Who the stubbed request context (scripts/bench/stubs/request-context.mjs) says is acting. */
export function setBenchRequestContext(context: { actor: SessionActor; ip: string | null; locale: 'zh-CN' | 'en' }) {
  (globalThis as unknown as { __benchRequestContext?: unknown }).__benchRequestContext = context;
}

export async function actorOf(
  db: Db,
  where: { username?: string; role?: 'DEPARTMENT'; departmentId?: number },
): Promise<SessionActor> {
  const u = await db.user.findFirstOrThrow({
    where,
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      departmentId: true,
      department: { select: { name: true } },
    },
    orderBy: { id: 'asc' },
  });
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    departmentId: u.departmentId,
    departmentName: u.department?.name ?? null,
  };
}

// ── a. the dashboard rollup ──────────────────────────────────────────────────────────────────────────────

/** What every measurement shares: the clients, the run counts, who acts, the plan year measured. */
export interface BenchContext {
  db: Db;
  pool: pg.Pool;
  c: pg.PoolClient;
  runs: number;
  writeRuns: number;
  log: (s: string) => void;
  leader: SessionActor;
  bureau: SessionActor;
  planYear: PlanYear;
  /** the month the rollups are asked for: the last closed one */
  month: number;
}
