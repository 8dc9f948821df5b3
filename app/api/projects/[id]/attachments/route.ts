import { NextResponse, type NextRequest } from 'next/server';
import { getActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { listProjectAttachments } from '@/lib/server/attachments/list-project-attachments';
import { AppError } from '@/lib/server/errors';
import { sheetError } from '../../sheet-response';

export const dynamic = 'force-dynamic';

const ID = /^[1-9]\d{0,9}$/;
const MAX_ID = 2_147_483_647;
const YEAR = /^\d{4}$/;

/**
 * GET /api/projects/12/attachments?year=2025 → { months: [{ month, reportId, status, attachments }] }: a project's
 * photos and documents month by month, for the lightbox that steps through the months from the review queue.
 * The rule is the list's own (lib/server/attachments/list-project-attachments.ts): another department's project
 * answers 404 like a missing one. The files themselves come from /api/attachments/<id>/<variant>.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return sheetError(401, 'UNAUTHENTICATED');
  if (actor.mustChangePassword) return sheetError(403, 'FORBIDDEN');
  const { id: rawId } = await params;
  const year = request.nextUrl.searchParams.get('year');
  if (!ID.test(rawId) || Number(rawId) > MAX_ID) return sheetError(404, 'NOT_FOUND');
  if (year === null || !YEAR.test(year)) return sheetError(400, 'BAD_REQUEST');
  try {
    const months = await listProjectAttachments(prisma, actor, { projectId: Number(rawId), year: Number(year) });
    return NextResponse.json({ months }, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    if (error instanceof AppError) return sheetError(404, 'NOT_FOUND');
    throw error;
  }
}
