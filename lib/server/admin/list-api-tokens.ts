import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { requirePermission } from '@/lib/server/authorize';

export interface AdminApiTokenRow {
  id: number;
  name: string;
  /** the first characters of the token; the token itself is never stored */
  prefix: string;
  createdByName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Every API token for the tokens page: active ones first, newest first. Never the hash. */
export async function listApiTokens(db: Db, actor: Actor): Promise<AdminApiTokenRow[]> {
  requirePermission(actor, 'apiToken.manage');
  const rows = await db.apiToken.findMany({
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { displayName: true, username: true } },
    },
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }, { id: 'desc' }],
  });
  return rows.map(({ createdBy, ...token }) => ({
    ...token,
    createdByName: createdBy ? `${createdBy.displayName}（${createdBy.username}）` : null,
  }));
}
