import type { Instrumentation } from 'next';

/**
 * Once per server process, at its start: the job queue of the reminders (lib/server/reminders/jobs.ts), which is
 * safe with several processes. A failure to start it is logged and leaves the app serving.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const [{ startJobs }, { prisma }, { logger }] = await Promise.all([
    import('@/lib/server/reminders/jobs'),
    import('@/lib/db'),
    import('@/lib/log'),
  ]);
  await startJobs(prisma).catch((error: unknown) => logger.error({ err: error }, 'job queue did not start'));
}

/**
 * A page, layout, route handler or server action that throws ends here (Next.js calls it on the server). The log line
 * carries the request id and, as `ref`, the digest the error page shows the user ("错误编号 / Reference"), so
 * support finds the cause from what the user reads.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logger } = await import('@/lib/log');
  const { isDatabaseUnavailable } = await import('@/lib/server/database-unavailable');
  const header = request.headers['x-request-id'];
  logger.error(
    {
      reqId: (Array.isArray(header) ? header[0] : header) ?? null,
      ref: (error as { digest?: string }).digest ?? null,
      method: request.method,
      path: request.path.split('?')[0],
      route: context.routePath,
      routeType: context.routeType,
      databaseUnavailable: isDatabaseUnavailable(error),
      err: error,
    },
    'request failed',
  );
};
