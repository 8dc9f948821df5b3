import { NextResponse, type NextRequest } from 'next/server';
import { addAttachment } from '@/lib/actions/attachments';
import type { ErrorCode } from '@/lib/server/errors';
import { getActor } from '@/lib/auth/session';
import { isSameOrigin } from '@/lib/http/same-origin';
import type { UploadFile } from '@/lib/validations/attachment';

export const dynamic = 'force-dynamic';

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

const noStore = { 'Cache-Control': 'no-store' };

/**
 * POST /api/attachments?reportId=12 (or ?milestoneId=3), the body the file itself, its name in `X-File-Name`
 * (encodeURIComponent): one file per request, so the browser's upload progress is the file's. It runs the action
 * `attachment.add` (lib/actions/attachments.ts), the one wrapper every write goes through (authentication, the
 * permission, parsing, the record check before any byte is read, the transaction, audit, the message in the user's
 * language); this handler only turns the request into its input and the result into a status. The body is handed
 * over as a stream with its declared length, so a body over the bound is refused unread.
 */
export async function POST(request: NextRequest) {
  // nobody signed in: answered before the body is touched
  if (!(await getActor())) return NextResponse.json({ ok: false, code: 'UNAUTHENTICATED' }, { status: 401 });
  // a page of another site posting with the user's cookies (server actions have the same check built in)
  if (!isSameOrigin(request.headers)) return NextResponse.json({ ok: false, code: 'FORBIDDEN' }, { status: 403 });
  const query = request.nextUrl.searchParams;
  const declared = request.headers.get('content-length');
  const file: UploadFile = {
    name: fileNameOf(request.headers.get('x-file-name')),
    size: declared !== null && /^\d{1,15}$/.test(declared) ? Number(declared) : Number.NaN,
    stream: () => request.body ?? new Blob([]).stream(),
  };
  const result = await addAttachment({
    reportId: query.get('reportId') ?? undefined,
    milestoneId: query.get('milestoneId') ?? undefined,
    file,
  });
  if (result.ok) return NextResponse.json({ ok: true, attachment: result.data }, { status: 201, headers: noStore });
  return NextResponse.json(result, { status: STATUS[result.code], headers: noStore });
}

/** The name the browser sent, decoded; one that does not decode is kept as sent, and the name rule judges it. */
function fileNameOf(raw: string | null): string {
  if (raw === null) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
