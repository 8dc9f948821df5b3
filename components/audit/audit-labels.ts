import 'server-only';
import { getMessages } from 'next-intl/server';

/** A message by dotted path, or undefined: action names such as "report.saveDraft" nest like message keys. */
function lookup(tree: unknown, path: string): string | undefined {
  let node: unknown = tree;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * Names for what the trail stores as code (actions, entities, fields, report states). The trail outlives the
 * code that wrote it, so a name this version does not know is shown as stored instead of failing.
 */
export async function getAuditLabels() {
  const messages = await getMessages();
  const audit = messages.audit;
  return {
    action: (action: string) => lookup(audit.actions, action) ?? action,
    entity: (entity: string) => lookup(audit.entities, entity) ?? entity,
    field: (field: string) => lookup(audit.fields, field) ?? field,
    status: (status: string) => lookup(messages.reports.status, status),
  };
}

export type AuditLabels = Awaited<ReturnType<typeof getAuditLabels>>;
