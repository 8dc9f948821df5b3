import { downloadResponse, sheetError } from '@/app/api/projects/sheet-response';
import { getActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { exportAnnualReport } from '@/lib/server/plan/annual-report-docx';
import { AppError } from '@/lib/server/errors';

export const dynamic = 'force-dynamic';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * GET /api/plan-years/2025/annual-report → the year's plan-execution report drafted from the figures, as .docx
 * (docs/year-cycle.md, "Annual report"). The bureau and the administrator only (planYear.report); a year not in
 * Keystone, or not started, answers 404. Same-origin session auth, as the other downloads.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ year: string }> }) {
  const actor = await getActor();
  if (!actor) return sheetError(401, 'UNAUTHENTICATED');
  if (actor.mustChangePassword) return sheetError(403, 'FORBIDDEN');
  const { year: rawYear } = await params;
  if (!/^\d{4}$/.test(rawYear)) return sheetError(404, 'NOT_FOUND');
  const year = Number(rawYear);
  try {
    const { buffer, fileName, final } = await exportAnnualReport(prisma, actor, year);
    return downloadResponse(buffer, fileName, `keystone-annual-report-${year}${final ? '' : '-draft'}.docx`, DOCX_TYPE);
  } catch (error) {
    if (error instanceof AppError) return sheetError(error.code === 'FORBIDDEN' ? 403 : 404, error.code);
    throw error;
  }
}
