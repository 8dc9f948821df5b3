import { readDb } from '@/lib/read-db';
import { indicatorListResource } from '@/lib/server/api/indicator-resources';
import { apiJson, badRequest, notFound, withApiToken } from '@/lib/server/api/respond';
import { apiIssues, rawQuery, ZApiIndicatorQuery, ZApiYearPath } from '@/lib/validations/api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/plan-years/{year}/indicators — the year's plan indicators and their status (lib/server/indicators). */
export const GET = withApiToken<{ params: Promise<{ year: string }> }>(async (request, { actor }, { params }) => {
  const { year: rawYear } = await params;
  const year = ZApiYearPath.safeParse(rawYear);
  if (!year.success) return notFound(`plan year ${rawYear} not found`);
  const query = ZApiIndicatorQuery.safeParse(rawQuery(new URL(request.url).searchParams));
  if (!query.success) return badRequest(apiIssues(query.error));
  const list = await indicatorListResource(await readDb(), actor, year.data);
  return list ? apiJson(list) : notFound(`plan year ${year.data} not found`);
});
