import 'server-only';
import type { BulletinStatus } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import type { Db } from '@/lib/prisma';
import { departmentScope } from '@/lib/server/authorize';
import { readBulletinFigures, type BulletinFigures } from './figures';

export interface BulletinView {
  id: number;
  year: number;
  month: number;
  status: BulletinStatus;
  title: string;
  body: string;
  version: number;
  figures: BulletinFigures;
  publishedAt: Date | null;
  publishedBy: string | null;
  updatedAt: Date;
}

/**
 * One month's bulletin. Everyone with rollup.read reads a published bulletin; a draft is the bureau's working
 * copy, and to anyone else it answers exactly like a month without a bulletin (null).
 */
export async function getBulletin(
  db: Db,
  actor: Actor,
  options: { year: number; month: number },
): Promise<BulletinView | null> {
  departmentScope(actor, 'rollup.read');
  if (!Number.isInteger(options.month) || options.month < 1 || options.month > 12) return null;
  const row = await db.bulletin.findFirst({
    where: {
      month: options.month,
      planYear: { year: options.year },
      ...(can(actor, 'bulletin.manage') ? {} : { status: 'PUBLISHED' as const }),
    },
    select: {
      id: true,
      month: true,
      status: true,
      title: true,
      body: true,
      version: true,
      figures: true,
      publishedAt: true,
      updatedAt: true,
      planYear: { select: { year: true } },
      publishedBy: { select: { displayName: true } },
    },
  });
  if (!row) return null;
  const figures = readBulletinFigures(row.figures);
  if (!figures) return null;
  return {
    id: row.id,
    year: row.planYear.year,
    month: row.month,
    status: row.status,
    title: row.title,
    body: row.body,
    version: row.version,
    figures,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy?.displayName ?? null,
    updatedAt: row.updatedAt,
  };
}
