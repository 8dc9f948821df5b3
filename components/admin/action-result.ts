import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ActionResult } from '@/lib/actions/safe-action';

export type ActionFailure = Extract<ActionResult<unknown>, { ok: false }>;

/** A server action's answer, or a failure of our own when the request itself did not complete. */
export async function callAction<T>(
  call: () => Promise<ActionResult<T>>,
  networkMessage: string,
): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, code: 'INTERNAL', message: networkMessage };
  }
}

/**
 * Puts a failed action's field errors on the form's own fields (focusing the first) and returns the text for the
 * form-level alert: a form-level reason when the server gave one (a refusal such as "cannot deactivate yourself"),
 * else the action's message.
 */
export function applyActionFailure<T extends FieldValues>(
  result: ActionFailure,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): string {
  let focused = false;
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    const path = fields.find((f) => f === field);
    const message = messages[0];
    if (!path || message === undefined) continue;
    setError(path, { type: 'server', message }, { shouldFocus: !focused });
    focused = true;
  }
  return result.fieldErrors?._form?.[0] ?? result.message;
}
