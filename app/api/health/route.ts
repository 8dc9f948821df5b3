import { prisma } from '@/lib/db';
import { checkHealth } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

/**
 * GET /api/health — for a load balancer, docker-compose's healthcheck and an operator's curl. No session (proxy.ts
 * lets every /api/ path through). 200 when this process can serve; 503 when the database cannot be reached or the
 * build ships migrations the database has not applied.
 */
export async function GET(): Promise<Response> {
  const health = await checkHealth(prisma);
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
