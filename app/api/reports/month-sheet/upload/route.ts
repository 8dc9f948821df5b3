import { NextResponse, type NextRequest } from 'next/server';
import { checkMonthSheet, importMonthSheetDrafts } from '@/lib/actions/month-sheet';
import { getActor } from '@/lib/auth/session';
import { MAX_UPLOAD_BYTES } from '@/lib/domain/project-sheet/limits';
import { ndjsonLine } from '@/lib/http/ndjson';
import { isSameOrigin } from '@/lib/http/same-origin';

export const dynamic = 'force-dynamic';

/**
 * The body's bound, as the server action's (next.config.mjs) bounds its post: the file (MAX_UPLOAD_BYTES, which the
 * action's schema checks) and a form's few small fields. Checked on Content-Length, before a byte is read.
 */
export const MAX_UPLOAD_BODY_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024;

function refuse(status: 400 | 401 | 403 | 411 | 413, code: string) {
  return NextResponse.json({ ok: false, code }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * POST /api/reports/month-sheet/upload?mode=check|commit, the form of the month sheet's actions (year, month, file)
 * → a stream of NDJSON lines: `{"type":"progress","phase":"parsed"|"checked"|"written","done":N,"total":N}` as the
 * rows are read, checked and written, then `{"type":"result","result":<the action's result>}`.
 *
 * It runs the action itself (checkMonthSheet or importMonthSheetDrafts, through `withProgress`): the same sign-in,
 * permission, schema and limits, the one transaction, the audit. The progress travels with the request, so it is
 * right whichever process serves it. What it adds is what Next does for a server-action post: the same-origin check
 * and the body's bound, here before the body is read; and an anonymous caller is turned away before that.
 * A caller that goes away mid-upload does not stop it, as with a server action: the transaction ends as it would.
 */
export async function POST(request: NextRequest) {
  if (!isSameOrigin(request.headers)) return refuse(403, 'FORBIDDEN');
  if (!(await getActor())) return refuse(401, 'UNAUTHENTICATED');
  const mode = request.nextUrl.searchParams.get('mode');
  if (mode !== 'check' && mode !== 'commit') return refuse(400, 'VALIDATION');
  const declared = request.headers.get('content-length');
  if (declared === null || !/^\d{1,12}$/.test(declared)) return refuse(411, 'LENGTH_REQUIRED');
  if (Number(declared) > MAX_UPLOAD_BODY_BYTES) return refuse(413, 'TOO_LARGE');
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse(400, 'VALIDATION');
  }

  const action = mode === 'commit' ? importMonthSheetDrafts : checkMonthSheet;
  let open = true;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (value: unknown) => {
        if (open) controller.enqueue(ndjsonLine(value));
      };
      // withProgress answers every failure as a result (it never throws), so the stream always ends with one
      void action
        .withProgress(form, (progress) => send({ type: 'progress', ...progress }))
        .then((result) => send({ type: 'result', result }))
        .finally(() => {
          if (open) controller.close();
          open = false;
        });
    },
    cancel() {
      // the page went away: the action finishes regardless, and its lines go nowhere
      open = false;
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-store',
      // a buffering proxy (nginx) would hold the lines back until the end
      'X-Accel-Buffering': 'no',
    },
  });
}
