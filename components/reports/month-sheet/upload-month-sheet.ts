import type { MonthSheetView } from '@/lib/actions/month-sheet';
import type { ActionResult } from '@/lib/actions/safe-action';
import { isUploadProgress, type UploadProgress } from '@/lib/domain/upload-progress';
import { readNdjson } from '@/lib/http/ndjson';

/** An answer the route gave before the stream (no session, a body over the bound …), or a stream cut short. */
export type UploadFailure = { ok: false; status: number };

/**
 * Sends the month sheet to the upload route (app/api/reports/month-sheet/upload), which runs the check or the
 * commit action and streams its progress: each report goes to `onProgress` as it arrives, and the action's result
 * is the answer. A body over the bound comes back as the action's own file-size refusal.
 */
export async function uploadMonthSheet(
  input: { year: number; month: number; file: File },
  mode: 'check' | 'commit',
  onProgress: (progress: UploadProgress) => void,
): Promise<ActionResult<MonthSheetView> | UploadFailure> {
  const form = new FormData();
  form.set('year', String(input.year));
  form.set('month', String(input.month));
  form.set('file', input.file);
  const response = await fetch(`/api/reports/month-sheet/upload?mode=${mode}`, { method: 'POST', body: form });
  if (response.status === 413) {
    return { ok: false, code: 'VALIDATION', message: '', fieldErrors: { file: ['fileTooLarge'] } };
  }
  if (!response.ok || !response.body) return { ok: false, status: response.status };
  let result: ActionResult<MonthSheetView> | null = null;
  await readNdjson(response.body, (line) => {
    const { type, ...rest } = line as { type?: unknown; result?: ActionResult<MonthSheetView> };
    if (type === 'progress' && isUploadProgress(rest)) onProgress(rest);
    else if (type === 'result' && rest.result) result = rest.result;
  });
  return result ?? { ok: false, status: response.status };
}
