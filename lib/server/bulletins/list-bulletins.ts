import 'server-only';
import type { BulletinStatus, PlanYearStatus } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import type { Db } from '@/lib/prisma';
import { departmentScope } from '@/lib/server/authorize';

export interface BulletinListRow {
  id: number;
  month: number;
  status: BulletinStatus;
  title: string;
  publishedAt: Date | null;
  publishedBy: string | null;
  updatedAt: Date;
}

export interface BulletinList {
  year: number;
  status: PlanYearStatus;
  currentMonth: number;
  /** the last month whose reports are closed, the latest a bulletin can be drafted for */
  lastClosedMonth: number;
  bulletins: BulletinListRow[];
}

/** A plan year's bulletins, latest month first: published ones for everyone, drafts too for the bureau. Null for an unknown year. */
export async function listBulletins(db: Db, actor: Actor, options: { year: number }): Promise<BulletinList | null> {
  departmentScope(actor, 'rollup.read');
  const planYear = await db.planYear.findUnique({
    where: { year: options.year },
    select: { id: true, year: true, status: true, currentMonth: true },
  });
  if (!planYear) return null;
  const rows = await db.bulletin.findMany({
    where: { planYearId: planYear.id, ...(can(actor, 'bulletin.manage') ? {} : { status: 'PUBLISHED' as const }) },
    select: {
      id: true,
      month: true,
      status: true,
      title: true,
      publishedAt: true,
      updatedAt: true,
      publishedBy: { select: { displayName: true } },
    },
    orderBy: { month: 'desc' },
  });
  return {
    year: planYear.year,
    status: planYear.status,
    currentMonth: planYear.currentMonth,
    lastClosedMonth: planYear.status === 'CLOSED' ? 12 : planYear.currentMonth - 1,
    bulletins: rows.map(({ publishedBy, ...row }) => ({ ...row, publishedBy: publishedBy?.displayName ?? null })),
  };
}
