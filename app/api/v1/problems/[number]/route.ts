import { readDb } from '@/lib/read-db';
import { problemResource } from '@/lib/server/api/problem-resources';
import { apiJson, badRequest, notFound, withApiToken } from '@/lib/server/api/respond';
import { apiIssues, rawQuery } from '@/lib/validations/api';
import { ZApiProblemNumberPath, ZApiProblemQuery } from '@/lib/validations/api-problems';

export const dynamic = 'force-dynamic';

/** GET /api/v1/problems/{number} — a problem with its timeline (lib/server/problems/get-problem). */
export const GET = withApiToken<{ params: Promise<{ number: string }> }>(async (request, { actor }, { params }) => {
  const { number } = await params;
  const query = ZApiProblemQuery.safeParse(rawQuery(new URL(request.url).searchParams));
  if (!query.success) return badRequest(apiIssues(query.error));
  if (!ZApiProblemNumberPath.safeParse(number).success) return notFound(`problem ${number} not found`);
  const problem = await problemResource(await readDb(), actor, number);
  return problem ? apiJson(problem) : notFound(`problem ${number} not found`);
});
