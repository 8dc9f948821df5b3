import { readDb } from '@/lib/read-db';
import { apiJson, badRequest, notFound, withApiToken } from '@/lib/server/api/respond';
import { rollupResource } from '@/lib/server/api/resources';
import { apiIssues, rawQuery, ZApiRollupQuery, ZApiYearPath } from '@/lib/validations/api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/plan-years/{year}/rollup?month=N&basis=approved|submitted — the district's rollup (lib/server/dashboard). */
export const GET = withApiToken<{ params: Promise<{ year: string }> }>(async (request, { actor }, { params }) => {
  const { year: rawYear } = await params;
  const year = ZApiYearPath.safeParse(rawYear);
  if (!year.success) return notFound(`plan year ${rawYear} not found`);
  const query = ZApiRollupQuery.safeParse(rawQuery(new URL(request.url).searchParams));
  if (!query.success) return badRequest(apiIssues(query.error));
  const rollup = await rollupResource(await readDb(), actor, { year: year.data, ...query.data });
  if (!rollup) return notFound(`plan year ${year.data} not found`);
  return apiJson(rollup);
});
