import { readDb } from '@/lib/read-db';
import { apiJson, badRequest, notFound, withApiToken } from '@/lib/server/api/respond';
import { projectListResource } from '@/lib/server/api/resources';
import { apiIssues, rawQuery, ZApiProjectListQuery } from '@/lib/validations/api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/projects?year=&page=&pageSize=&… — one page of the project list (lib/server/projects/list-projects). */
export const GET = withApiToken(async (request, { actor }) => {
  const query = ZApiProjectListQuery.safeParse(rawQuery(new URL(request.url).searchParams));
  if (!query.success) return badRequest(apiIssues(query.error));
  const list = await projectListResource(await readDb(), actor, query.data);
  if (!list)
    return notFound(query.data.year === undefined ? 'no plan year exists' : `plan year ${query.data.year} not found`);
  return apiJson(list);
});
