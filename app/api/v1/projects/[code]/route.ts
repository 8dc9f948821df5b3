import { readDb } from '@/lib/read-db';
import { apiJson, badRequest, notFound, withApiToken } from '@/lib/server/api/respond';
import { projectResource } from '@/lib/server/api/resources';
import { apiIssues, rawQuery, ZApiProjectCodePath, ZApiProjectQuery } from '@/lib/validations/api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/projects/{code}?year= — a project with its plan and monthly history (lib/server/projects/get-project). */
export const GET = withApiToken<{ params: Promise<{ code: string }> }>(async (request, { actor }, { params }) => {
  const { code } = await params;
  const query = ZApiProjectQuery.safeParse(rawQuery(new URL(request.url).searchParams));
  if (!query.success) return badRequest(apiIssues(query.error));
  if (!ZApiProjectCodePath.safeParse(code).success) return notFound(`project ${code} not found`);
  const found = await projectResource(await readDb(), actor, code, query.data.year);
  if (!found.ok)
    return notFound(found.missing === 'year' ? `plan year ${query.data.year} not found` : `project ${code} not found`);
  return apiJson(found.project);
});
