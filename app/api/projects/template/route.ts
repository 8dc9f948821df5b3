import type { NextRequest } from 'next/server';
import { getActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/server/errors';
import { buildProjectTemplate } from '@/lib/server/projects/export-projects';
import { resolveSheetYear, sheetError, xlsxResponse } from '../sheet-response';

export const dynamic = 'force-dynamic';

/** GET /api/projects/template?year=2025 → the import template (.xlsx with drop-down lists). */
export async function GET(request: NextRequest) {
  const actor = await getActor();
  if (!actor) return sheetError(401, 'UNAUTHENTICATED');
  if (actor.mustChangePassword) return sheetError(403, 'FORBIDDEN');
  const year = await resolveSheetYear(actor, request.nextUrl.searchParams.get('year'));
  if (year === null) return sheetError(404, 'NOT_FOUND');
  try {
    const buffer = await buildProjectTemplate(prisma, actor, { year });
    return xlsxResponse(buffer, `渝中区${year}年重点项目导入模板.xlsx`, `keystone-import-template-${year}.xlsx`);
  } catch (error) {
    if (error instanceof AppError) return sheetError(403, error.code);
    throw error;
  }
}
