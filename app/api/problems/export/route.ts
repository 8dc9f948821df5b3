import type { NextRequest } from 'next/server';
import { getActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/server/errors';
import { exportProblemsWorkbook } from '@/lib/server/problems/export-problems';
import { rawQuery } from '@/lib/validations/api';
import { parseProblemListParams, problemListFilters } from '@/lib/validations/problem-list';
import { sheetError, xlsxResponse } from '../../projects/sheet-response';

export const dynamic = 'force-dynamic';

/**
 * GET /api/problems/export?<the ledger's own query string> → the ledger as filtered and sorted there, as an .xlsx
 * in the 问题清单 layout. A department exports the problems it takes part in only, as the ledger shows them.
 */
export async function GET(request: NextRequest) {
  const actor = await getActor();
  if (!actor) return sheetError(401, 'UNAUTHENTICATED');
  if (actor.mustChangePassword) return sheetError(403, 'FORBIDDEN');
  const params = parseProblemListParams(rawQuery(request.nextUrl.searchParams));
  // a search the text rule refuses is refused here too, rather than exporting a set other than the one asked for
  if (params.invalid) return sheetError(400, 'VALIDATION');
  try {
    const sheet = await exportProblemsWorkbook(prisma, actor, {
      ...problemListFilters(params),
      sort: params.sort,
      dir: params.dir,
    });
    return xlsxResponse(
      sheet.buffer,
      `渝中区重点项目协调问题清单（${sheet.asOf}）.xlsx`,
      `keystone-problems-${sheet.asOf}.xlsx`,
    );
  } catch (error) {
    if (error instanceof AppError) return sheetError(error.code === 'FORBIDDEN' ? 403 : 404, error.code);
    throw error;
  }
}
