import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { requirePermission } from '@/lib/server/authorize';

export interface AuditFilterOptions {
  departments: { id: number; name: string }[];
  /** the entity and action names that occur in the log, so the selects never offer an empty choice */
  entities: string[];
  actions: string[];
}

/** What the audit viewer's filter form offers. For `audit.read` only, like the log itself. */
export async function getAuditFilterOptions(db: Db, actor: Actor): Promise<AuditFilterOptions> {
  requirePermission(actor, 'audit.read');
  const [departments, entities, actions] = await Promise.all([
    db.department.findMany({ select: { id: true, name: true }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] }),
    // groupBy is a SQL GROUP BY; findMany's `distinct` would read every row and dedupe in memory
    db.auditLog.groupBy({ by: ['entity'], orderBy: { entity: 'asc' } }),
    db.auditLog.groupBy({ by: ['action'], orderBy: { action: 'asc' } }),
  ]);
  return {
    departments,
    entities: entities.map((e) => e.entity),
    actions: actions.map((a) => a.action),
  };
}
