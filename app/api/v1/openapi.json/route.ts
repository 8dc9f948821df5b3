import { apiJson } from '@/lib/server/api/respond';
import { openApiDocument } from '@/lib/server/api/openapi';

// The document does not change while the server runs, so the route could be static; it is rendered per request
// only so its Cache-Control stays `no-store` like every other answer of the API.
export const dynamic = 'force-dynamic';

/** GET /api/v1/openapi.json — the API's OpenAPI 3.1 description. No token needed. */
export function GET(): Response {
  return apiJson(openApiDocument());
}
