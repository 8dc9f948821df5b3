/**
 * The server actions as a test finds them: every export of lib/actions, by the name its `defineAction` gives it,
 * for the tests that try every action (the authorization matrix, the property test).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ActionMeta, ActionResult } from '@/lib/actions/safe-action';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type AnyAction = ((input: unknown) => Promise<ActionResult<unknown>>) & { meta: ActionMeta };

/** Imports every "use server" module afresh (so lib/db binds to the current DATABASE_URL) and finds actions by name. */
export async function loadActions(): Promise<Map<string, AnyAction>> {
  const found = new Map<string, AnyAction>();
  for (const file of readdirSync(path.join(ROOT, 'lib/actions')).filter(
    (f) => f.endsWith('.ts') && f !== 'safe-action.ts',
  )) {
    const exports = (await import(path.join(ROOT, 'lib/actions', file))) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(exports)) {
      const meta = (value as { meta?: ActionMeta }).meta;
      if (typeof value !== 'function' || !meta)
        throw new Error(`lib/actions/${file} exports ${exportName}, which is not made with defineAction`);
      found.set(meta.name, value as AnyAction);
    }
  }
  return found;
}
