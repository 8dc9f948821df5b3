import type { NextRequest } from 'next/server';
import { getActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/server/errors';
import { exportProjectsWorkbook } from '@/lib/server/projects/export-projects';
import { rawQuery } from '@/lib/validations/api';
import { parseProjectListParams } from '@/lib/validations/project-list';
import { resolveSheetYear, sheetError, xlsxResponse } from '../sheet-response';

export const dynamic = 'force-dynamic';

/**
 * GET /api/projects/export?year=2025&<the project list's own query string> → the list as filtered and sorted there
 * (every filter, the warning level included), as an .xlsx in the 调度表 layout. A department exports its own
 * projects only: asking for another department's gives an empty sheet, as the list shows an empty list.
 */
export async function GET(request: NextRequest) {
  const actor = await getActor();
  if (!actor) return sheetError(401, 'UNAUTHENTICATED');
  if (actor.mustChangePassword) return sheetError(403, 'FORBIDDEN');
  const search = request.nextUrl.searchParams;
  const year = await resolveSheetYear(actor, search.get('year'));
  if (year === null) return sheetError(404, 'NOT_FOUND');
  // unknown parameters (?__proto__=1 included: a null-prototype object) are ignored, as the list ignores them
  const params = parseProjectListParams(rawQuery(search));
  // a search the text rule refuses is refused here too, rather than exporting a set other than the one asked for
  if (params.invalid) return sheetError(400, 'VALIDATION');
  try {
    const buffer = await exportProjectsWorkbook(prisma, actor, {
      year,
      sort: params.sort,
      dir: params.dir,
      q: params.q,
      stages: params.stages,
      investorTypes: params.investorTypes,
      directions: params.directions,
      departmentIds: params.departmentIds,
      areas: params.areas,
      warnings: params.warnings,
    });
    return xlsxResponse(buffer, `渝中区${year}年重点项目推进情况表.xlsx`, `keystone-projects-${year}.xlsx`);
  } catch (error) {
    if (error instanceof AppError) return sheetError(error.code === 'FORBIDDEN' ? 403 : 404, error.code);
    throw error;
  }
}
