import 'server-only';
import PgBoss from 'pg-boss';
import { logger } from '@/lib/log';
import { runOrphanCleanup } from '@/lib/server/attachments/orphans';
import { objectStore } from '@/lib/server/storage';
import type { Db } from '@/lib/prisma';
import { onShutdown } from '@/lib/shutdown';
import { runDailyChecks } from './checks';
import { deliverDueMessages } from './outbox';

/**
 * The job queue (pg-boss, in the app's PostgreSQL, schema `pgboss`). Every app process starts it (instrumentation.ts)
 * and works the queues; pg-boss's schedules are singletons across processes (one cron row, taken with a lock), so
 * each scheduled job runs once per tick however many processes run, and the outbox worker claims rows with SKIP
 * LOCKED, so two workers never send the same row.
 *   outbox.deliver   every minute: send what the outbox holds (lib/server/reminders/outbox.ts)
 *   reminders.daily  at :05 past each hour, 08:00–20:00 Chongqing: the daily checks (checks.ts), which fire once
 *                    per subject (a dedupe key), so running hourly only makes them robust to a stopped app
 *   attachments.orphans  at 03:30 Chongqing: delete stored objects no attachment row names, older than a day
 *                    (lib/server/attachments/orphans.ts)
 * KEYSTONE_JOBS=off starts nothing (e.g. a process that only serves pages while another runs the jobs).
 */
export const OUTBOX_QUEUE = 'outbox.deliver';
export const DAILY_QUEUE = 'reminders.daily';
export const ORPHANS_QUEUE = 'attachments.orphans';

let started: PgBoss | null = null;

export async function startJobs(db: Db, connectionString = process.env.DATABASE_URL): Promise<PgBoss | null> {
  if (started || process.env.KEYSTONE_JOBS === 'off' || !connectionString) return started;
  const log = logger.child({ component: 'jobs' });
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 3 });
  // pg-boss's own errors (a lost connection while PostgreSQL restarts): logged, it retries by itself. Only the
  // message and code: the error object holds the pg client, whose connection parameters may include the password.
  boss.on('error', (error: Error & { code?: string }) =>
    log.warn({ error: { message: error.message, code: error.code ?? null } }, 'job queue error'),
  );
  await boss.start();
  for (const name of [OUTBOX_QUEUE, DAILY_QUEUE, ORPHANS_QUEUE]) {
    // singleton: one job of the queue active at a time; a slow run is never overtaken by the next tick's
    await boss.createQueue(name, { name, policy: 'singleton', retryLimit: 0, expireInSeconds: 15 * 60 });
  }
  await boss.schedule(OUTBOX_QUEUE, '* * * * *');
  await boss.schedule(DAILY_QUEUE, '5 8-20 * * *', undefined, { tz: 'Asia/Shanghai' });
  await boss.schedule(ORPHANS_QUEUE, '30 3 * * *', undefined, { tz: 'Asia/Shanghai' });
  await boss.work(OUTBOX_QUEUE, async () => {
    await deliverDueMessages(db);
  });
  await boss.work(DAILY_QUEUE, async () => {
    await runDailyChecks(db);
  });
  await boss.work(ORPHANS_QUEUE, async () => {
    await runOrphanCleanup(db, objectStore());
  });
  started = boss;
  onShutdown(() => stopJobs());
  log.info('job queue started');
  return boss;
}

/** Stops taking jobs, lets the running ones finish (up to 20 s), closes its pool: on SIGTERM (lib/shutdown.ts). */
export async function stopJobs(): Promise<void> {
  const boss = started;
  started = null;
  if (boss) await boss.stop({ graceful: true, timeout: 20_000, wait: true });
}
