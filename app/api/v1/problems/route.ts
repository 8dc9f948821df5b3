import { readDb } from '@/lib/read-db';
import { problemListResource } from '@/lib/server/api/problem-resources';
import { apiJson, badRequest, notFound, withApiToken } from '@/lib/server/api/respond';
import { apiIssues, rawQuery } from '@/lib/validations/api';
import { ZApiProblemListQuery } from '@/lib/validations/api-problems';

export const dynamic = 'force-dynamic';

/** GET /api/v1/problems?… — one page of the problem ledger (lib/server/problems/list-problems). */
export const GET = withApiToken(async (request, { actor }) => {
  const query = ZApiProblemListQuery.safeParse(rawQuery(new URL(request.url).searchParams));
  if (!query.success) return badRequest(apiIssues(query.error));
  const page = await problemListResource(await readDb(), actor, query.data);
  return page ? apiJson(page) : notFound(`plan year ${query.data.year} not found`);
});
