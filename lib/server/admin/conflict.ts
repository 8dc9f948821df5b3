import 'server-only';
import { createTranslator } from 'next-intl';
import { ConflictError } from '@/lib/server/errors';
import zhCN from '@/messages/zh-CN.json';

/** Refusals of the administration actions; each is a key under `validation` in messages/*.json. */
export type AdminConflictKey =
  | 'cannotDeactivateSelf'
  | 'cannotRemoveOwnAdmin'
  | 'departmentHasProjects'
  | 'departmentHasUsers'
  | 'planYearAlreadyActive'
  | 'planYearNotDraft'
  | 'planYearClosed';

const zh = createTranslator({ locale: 'zh-CN', messages: zhCN, namespace: 'validation' });

/**
 * A CONFLICT in the user's language. The action wrapper shows a conflict's message as it was thrown, and only
 * translates field errors, so the key also travels as the form-level field error `_form`, which the wrapper
 * translates with these params. The message itself is the Chinese text, for logs and callers that read it alone.
 */
export class AdminConflictError extends ConflictError {
  override readonly fieldErrors: Record<string, string[]>;

  constructor(
    readonly key: AdminConflictKey,
    params: Record<string, string | number> = {},
  ) {
    super(zh(key, params as never), params);
    this.fieldErrors = { _form: [key] };
  }
}
