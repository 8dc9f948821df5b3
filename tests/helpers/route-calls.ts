/**
 * Calling the API route handlers (app/api/**\/route.ts) directly, as the route tests do
 * (tests/integration/property-routes*.test.ts): the handlers, an API token to call the public API with, the answer
 * read whole, and a published bulletin for the bulletin download.
 */
import type { SessionActor } from '@/lib/auth/session';
import type { Db } from '@/lib/prisma';

export interface Call {
  status: number;
  contentType: string;
  body: Buffer;
}

/** A handler's response, read whole. */
export async function answer(response: Response): Promise<Call> {
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/** A dynamic route's params, as Next hands them to the handler. */
export const params = <P>(p: P) => ({ params: Promise.resolve(p) });

/**
 * The route handlers and the sign-in options. Import them after the test database is the app's (lib/db reads
 * DATABASE_URL on first import) and after mocking `@/lib/auth/session`, which the session routes ask who is signed in.
 */
export async function loadRoutes() {
  return {
    rollup: await import('@/app/api/v1/plan-years/[year]/rollup/route'),
    indicators: await import('@/app/api/v1/plan-years/[year]/indicators/route'),
    projects: await import('@/app/api/v1/projects/route'),
    project: await import('@/app/api/v1/projects/[code]/route'),
    problems: await import('@/app/api/v1/problems/route'),
    problem: await import('@/app/api/v1/problems/[number]/route'),
    problemExport: await import('@/app/api/problems/export/route'),
    openapi: await import('@/app/api/v1/openapi.json/route'),
    health: await import('@/app/api/health/route'),
    exportRoute: await import('@/app/api/projects/export/route'),
    template: await import('@/app/api/projects/template/route'),
    monthSheet: await import('@/app/api/reports/month-sheet/route'),
    monthSheetUpload: await import('@/app/api/reports/month-sheet/upload/route'),
    bulletinXlsx: await import('@/app/api/bulletins/[year]/[month]/xlsx/route'),
    annualReport: await import('@/app/api/plan-years/[year]/annual-report/route'),
    attachment: await import('@/app/api/attachments/[id]/[variant]/route'),
    attachmentUpload: await import('@/app/api/attachments/route'),
    projectAttachments: await import('@/app/api/projects/[id]/attachments/route'),
    authOptions: (await import('@/lib/auth/options')).authOptions,
  };
}
export type Routes = Awaited<ReturnType<typeof loadRoutes>>;

/** next-auth's credentials check, the one input of its route that reaches Keystone's code. */
export function credentialsCheck(routes: Routes) {
  const provider = routes.authOptions.providers.find((p) => p.id === 'credentials') as unknown as {
    options: { authorize: (c: unknown, req: { headers: Record<string, string> }) => Promise<unknown> };
  };
  return (credentials: unknown, req: { headers: Record<string, string> }) =>
    provider.options.authorize(credentials, req);
}

/** A new API token; its secret, for `Authorization: Bearer`. */
export async function issueReadToken(db: Db): Promise<string> {
  const { generateApiToken } = await import('@/lib/server/api/tokens');
  const generated = generateApiToken();
  // last used "in the future": a read never records its use, so the tables stay as they were across every request
  await db.apiToken.create({
    data: {
      name: 'property',
      tokenHash: generated.tokenHash,
      prefix: generated.prefix,
      lastUsedAt: new Date('2100-01-01'),
    },
  });
  return generated.token;
}

/** A published 2025 bulletin of a month, with the figures of that month frozen in it, as drafting and publishing leave it. */
export async function publishedBulletin(db: Db, bureau: SessionActor, month: number, title: string, body: string) {
  const { takeBulletinFigures } = await import('@/lib/server/bulletins/figures');
  const planYear = await db.planYear.findUniqueOrThrow({ where: { year: 2025 } });
  const figures = await takeBulletinFigures(db, bureau, planYear, month);
  await db.bulletin.create({
    data: {
      planYearId: planYear.id,
      month,
      title,
      body,
      status: 'PUBLISHED',
      publishedAt: new Date(),
      figures: JSON.parse(JSON.stringify(figures)),
    },
  });
}
