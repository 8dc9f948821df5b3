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
 * The text a failure shows at the form level: the form-level reason when the server gave one (`_form`: a rule on
 * the form as a whole), else the action's message ("check the fields below", a conflict such as "cannot deactivate
 * yourself", a lost connection).
 */
export function failureMessage(result: ActionFailure): string {
  return result.fieldErrors?._form?.[0] ?? result.message;
}

/** What applyActionFailure needs of a react-hook-form form (so a test can hand it a fake). */
export interface FailureTarget<T extends FieldValues> {
  setError: UseFormSetError<T>;
  getValues(): T;
}

/** Whether the form's values have this dotted path ("monthly.3", "milestoneUpdates.0.date"). */
function holds(values: unknown, path: string): boolean {
  let node = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

/**
 * Puts a failed action's field errors on the form's own fields and returns the text for the form-level alert
 * (failureMessage).
 *
 * A field error for a path the form does not hold is left to that message. The first field with an error gets
 * the focus, unless `focus` is false: a draft saving itself must not pull the cursor away from where the user types.
 */
export function applyActionFailure<T extends FieldValues>(
  form: FailureTarget<T>,
  result: ActionFailure,
  { focus = true }: { focus?: boolean } = {},
): string {
  const values = form.getValues();
  let focused = !focus;
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    const message = messages[0];
    if (field === '_form' || message === undefined || !holds(values, field)) continue;
    form.setError(field as Path<T>, { type: 'server', message }, { shouldFocus: !focused });
    focused = true;
  }
  return failureMessage(result);
}
