import type { NextRequest } from 'next/server';
import { getActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/server/errors';
import { getMonthSheet } from '@/lib/server/reports/get-month-sheet';
import { sheetError, xlsxResponse } from '../../projects/sheet-response';

export const dynamic = 'force-dynamic';

const intParam = (raw: string | null, pattern: RegExp) => (raw !== null && pattern.test(raw) ? Number(raw) : undefined);

/**
 * GET /api/reports/month-sheet?year=2025&month=10 → the signed-in department's month as an .xlsx to fill offline
 * (月报填报表), the projects and figures of its batch entry page. Only a department's own users have one.
 */
export async function GET(request: NextRequest) {
  const actor = await getActor();
  if (!actor) return sheetError(401, 'UNAUTHENTICATED');
  if (actor.mustChangePassword) return sheetError(403, 'FORBIDDEN');
  const search = request.nextUrl.searchParams;
  const year = intParam(search.get('year'), /^\d{4}$/);
  const month = intParam(search.get('month'), /^(1[0-2]|[1-9])$/);
  try {
    const sheet = await getMonthSheet(prisma, actor, { year, month });
    return xlsxResponse(
      sheet.buffer,
      `${sheet.departmentName}${sheet.year}年${sheet.month}月填报表.xlsx`,
      `keystone-month-${sheet.year}-${sheet.month}.xlsx`,
    );
  } catch (error) {
    if (error instanceof AppError) return sheetError(error.code === 'FORBIDDEN' ? 403 : 404, error.code);
    throw error;
  }
}
