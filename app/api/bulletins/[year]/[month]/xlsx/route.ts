import type { NextRequest } from 'next/server';
import { sheetError, xlsxResponse } from '@/app/api/projects/sheet-response';
import { isAppLocale, LOCALE_COOKIE } from '@/i18n/config';
import { getActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { exportBulletinWorkbook } from '@/lib/server/bulletins/export-bulletin';
import { AppError } from '@/lib/server/errors';

export const dynamic = 'force-dynamic';

/**
 * GET /api/bulletins/2025/10/xlsx → the bulletin of October 2025 as .xlsx: title, text and the same tables. Anyone
 * who may read the bulletin may export it; a draft is the bureau's only, and answers 404 to anyone else.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ year: string; month: string }> }) {
  const actor = await getActor();
  if (!actor) return sheetError(401, 'UNAUTHENTICATED');
  if (actor.mustChangePassword) return sheetError(403, 'FORBIDDEN');
  const { year: rawYear, month: rawMonth } = await params;
  if (!/^\d{4}$/.test(rawYear) || !/^\d{1,2}$/.test(rawMonth)) return sheetError(404, 'NOT_FOUND');
  const year = Number(rawYear);
  const month = Number(rawMonth);
  const cookie = request.cookies.get(LOCALE_COOKIE)?.value;
  try {
    const { buffer, title } = await exportBulletinWorkbook(prisma, actor, {
      year,
      month,
      locale: isAppLocale(cookie) ? cookie : 'zh-CN',
    });
    return xlsxResponse(buffer, `${title}.xlsx`, `keystone-bulletin-${year}-${String(month).padStart(2, '0')}.xlsx`);
  } catch (error) {
    if (error instanceof AppError) return sheetError(error.code === 'FORBIDDEN' ? 403 : 404, error.code);
    throw error;
  }
}
