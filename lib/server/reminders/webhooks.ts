import 'server-only';
import type { z } from 'zod';
import type { WebhookKind } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import { maskWebhookUrl } from '@/lib/domain/outbox';
import type { Db } from '@/lib/prisma';
import { requirePermission } from '@/lib/server/authorize';
import { NotFoundError } from '@/lib/server/errors';
import type { WriteContext } from '@/lib/server/write-context';
import type { ZDepartmentWebhook, ZRemoveDepartmentWebhook } from '@/lib/validations/reminders';

export interface DepartmentWebhookRow {
  departmentId: number;
  departmentName: string;
  kind: WebhookKind | null;
  /** scheme, host and the last characters only: the URL holds the robot's key */
  maskedUrl: string | null;
  keyword: string | null;
  /** whether a 钉钉 加签 secret is set (the secret itself never leaves the server) */
  signed: boolean;
}

const ROBOT = { kind: true, url: true, keyword: true, signSecret: true } as const;

/** Every active department with its group robot, if any, as the administrator may see it (masked). */
export async function listDepartmentWebhooks(db: Db, actor: Actor): Promise<DepartmentWebhookRow[]> {
  requirePermission(actor, 'department.manage');
  const rows = await db.department.findMany({
    where: { active: true },
    select: { id: true, name: true, webhook: { select: ROBOT } },
    orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
  });
  return rows.map((d) => ({
    departmentId: d.id,
    departmentName: d.name,
    kind: d.webhook?.kind ?? null,
    maskedUrl: d.webhook ? maskWebhookUrl(d.webhook.url) : null,
    keyword: d.webhook?.keyword ?? null,
    signed: Boolean(d.webhook?.signSecret),
  }));
}

/** The outbox at a glance for the administrator: what waits, and what was given up after the last attempt. */
export async function getOutboxSummary(db: Db, actor: Actor): Promise<{ pending: number; failed: number }> {
  requirePermission(actor, 'department.manage');
  const [pending, failed] = await Promise.all([
    db.outboxMessage.count({ where: { status: 'PENDING' } }),
    db.outboxMessage.count({ where: { status: 'FAILED' } }),
  ]);
  return { pending, failed };
}

type Robot = { kind: WebhookKind; url: string; keyword: string | null; signSecret: string | null };

/** What the audit trail keeps of a robot: never its URL or its 加签 secret, which are secrets. */
const audited = (w: Robot | null) =>
  w ? { kind: w.kind, url: maskWebhookUrl(w.url), keyword: w.keyword, signed: Boolean(w.signSecret) } : null;

/** Sets (or replaces) a department's group robot. */
export async function setDepartmentWebhook({
  tx,
  actor,
  input,
  audit,
}: WriteContext<z.output<typeof ZDepartmentWebhook>>) {
  requirePermission(actor, 'department.manage');
  const department = await tx.department.findUnique({
    where: { id: input.departmentId },
    select: { id: true, name: true, webhook: { select: ROBOT } },
  });
  if (!department) throw new NotFoundError('department');
  const data = {
    kind: input.kind,
    url: input.url,
    keyword: input.keyword === '' ? null : input.keyword,
    signSecret: input.signSecret || null,
  };
  await tx.departmentWebhook.upsert({
    where: { departmentId: department.id },
    create: { departmentId: department.id, ...data },
    update: data,
  });
  await audit({
    action: 'department.setWebhook',
    entity: 'Department',
    entityId: department.id,
    before: audited(department.webhook),
    after: audited(data),
  });
  return { name: department.name };
}

/** Removes a department's group robot; messages already queued for it then fail ("webhook removed"). */
export async function removeDepartmentWebhook({
  tx,
  actor,
  input,
  audit,
}: WriteContext<z.output<typeof ZRemoveDepartmentWebhook>>) {
  requirePermission(actor, 'department.manage');
  const department = await tx.department.findUnique({
    where: { id: input.departmentId },
    select: { id: true, name: true, webhook: { select: ROBOT } },
  });
  if (!department?.webhook) throw new NotFoundError('webhook');
  await tx.departmentWebhook.delete({ where: { departmentId: department.id } });
  await audit({
    action: 'department.removeWebhook',
    entity: 'Department',
    entityId: department.id,
    before: audited(department.webhook),
    after: null,
  });
  return { name: department.name };
}
