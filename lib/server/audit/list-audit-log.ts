import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { requirePermission } from '@/lib/server/authorize';
import type { AuditLogFilter } from '@/lib/validations/audit';
import { type AuditRow, toAuditRecordOrNull } from './audit-row';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditLogPage {
  rows: AuditRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** Chongqing keeps UTC+8 all year (no daylight saving), so a calendar day there is a fixed UTC interval. */
function startOfChongqingDay(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

const DAY_MS = 24 * 60 * 60 * 1000;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The rows of a department: written by one of its users (as the user's department is now), or about one of its
 * records — a project, a project's plan, a monthly report, one of its users, or the department itself.
 * Audit rows name records by (entity, text id), so the record's department is found through subqueries.
 */
function departmentCondition(departmentId: number): Prisma.Sql {
  return Prisma.sql`(
    u."departmentId" = ${departmentId}
    OR (a.entity = 'Project' AND a."entityId" IN (
      SELECT p.id::text FROM "Project" p WHERE p."departmentId" = ${departmentId}))
    OR (a.entity = 'ProjectPlan' AND a."entityId" IN (
      SELECT pp.id::text FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
       WHERE p."departmentId" = ${departmentId}))
    OR (a.entity = 'MonthlyReport' AND a."entityId" IN (
      SELECT r.id::text FROM "MonthlyReport" r
        JOIN "ProjectPlan" pp ON pp.id = r."planId" JOIN "Project" p ON p.id = pp."projectId"
       WHERE p."departmentId" = ${departmentId}))
    OR (a.entity = 'User' AND a."entityId" IN (
      SELECT du.id::text FROM "User" du WHERE du."departmentId" = ${departmentId}))
    OR (a.entity = 'Department' AND a."entityId" = ${String(departmentId)})
  )`;
}

function personCondition(person: string): Prisma.Sql {
  const byId = /^\d{1,9}$/.test(person) ? Prisma.sql`OR a."actorId" = ${Number(person)}` : Prisma.empty;
  return Prisma.sql`(
    lower(a.actor) = lower(${person})
    OR u."displayName" ILIKE ${`%${escapeLike(person)}%`}
    ${byId}
  )`;
}

/**
 * The audit log for the bureau and administrators, newest first, filtered by person, department, entity,
 * action and a date range (Chongqing days, inclusive). Anyone else gets ForbiddenError.
 */
export async function listAuditLog(
  db: Db,
  actor: Actor,
  filter: AuditLogFilter,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<AuditLogPage> {
  requirePermission(actor, 'audit.read');
  const page = filter.page ?? 1;

  const conditions: Prisma.Sql[] = [];
  if (filter.person) conditions.push(personCondition(filter.person));
  if (filter.department) conditions.push(departmentCondition(filter.department));
  if (filter.entity) conditions.push(Prisma.sql`a.entity = ${filter.entity}`);
  if (filter.action) conditions.push(Prisma.sql`a.action = ${filter.action}`);
  if (filter.from) conditions.push(Prisma.sql`a.at >= ${startOfChongqingDay(filter.from)}`);
  if (filter.to) conditions.push(Prisma.sql`a.at < ${new Date(startOfChongqingDay(filter.to).getTime() + DAY_MS)}`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;

  const [counted] = await db.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total
      FROM "AuditLog" a LEFT JOIN "User" u ON u.id = a."actorId"
    ${where}`;
  const rows = await db.$queryRaw<
    {
      id: string;
      at: Date;
      actorId: number | null;
      actor: string;
      actorDisplayName: string | null;
      ip: string | null;
      action: string;
      entity: string;
      entityId: string | null;
      before: unknown;
      after: unknown;
      reason: string | null;
    }[]
  >`
    SELECT a.id::text AS id, a.at, a."actorId", a.actor, u."displayName" AS "actorDisplayName", a.ip, a.action,
           a.entity, a."entityId", a.before, a.after, a.reason
      FROM "AuditLog" a LEFT JOIN "User" u ON u.id = a."actorId"
    ${where}
     ORDER BY a.at DESC, a.id DESC
     LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;

  return {
    total: counted?.total ?? 0,
    page,
    pageSize,
    rows: rows.map((row) => ({
      ...row,
      before: toAuditRecordOrNull(row.before),
      after: toAuditRecordOrNull(row.after),
    })),
  };
}
