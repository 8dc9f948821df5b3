/**
 * Shared by `npm start`, `npm run dev` and the end-to-end test server: prepare the database (migrate, seed
 * when empty), then run Next with DATABASE_URL pointing at it, and shut both down cleanly on Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createPrismaClient } from '../../lib/prisma';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../prisma/seed/demo-logins';
import { seedDemoAttachments } from '../../prisma/seed/demo-attachments';
import { createFirstAdministrator } from '../../prisma/seed/first-start';
import { seedDatabase } from '../../prisma/seed/load';
import { migrate } from './migrate';
import { ROOT, type Cluster } from './postgres';
import { afterCrash, APP_CRASH_POLICY, describeExit, sleep } from './supervisor';

export type Log = (line: string) => void;

/**
 * Migrates, then fills an empty database: the demo data when `demo` (see wantsDemoData), else one administrator
 * with a random password, printed here once and never again (only its hash is stored; it must be changed at the
 * first sign-in). A database with users is never touched.
 */
export async function prepareDatabase(url: string, log: Log, { demo }: { demo: boolean }) {
  const { applied, alreadyApplied } = await migrate(url, { log });
  if (!applied.length) log(`Database schema is up to date (${alreadyApplied.length} migration(s)).`);
  const db = createPrismaClient(url);
  try {
    if (demo) {
      const result = await seedDatabase(db);
      log(
        result.seeded ? 'Seeded the 2025 plan and the demo data.' : 'Existing data kept (the seed never overwrites).',
      );
      if (result.seeded) await seedDemoPhotos(db, log);
      return;
    }
    const admin = await createFirstAdministrator(db);
    if (!admin) {
      log('Existing data kept (no demo data in production; KEYSTONE_DEMO=1 asks for it on an empty database).');
      return;
    }
    const rule = '-'.repeat(72);
    log(rule);
    log('First start: created the administrator account. This password is shown once, here, and never again;');
    log('it must be changed at the first sign-in.');
    log(`  username: ${admin.username}`);
    log(`  password: ${admin.password}`);
    log(rule);
  } finally {
    await db.$disconnect();
  }
}

/** The demo's generated site photos; a store that cannot be written (an unreachable bucket) only costs the photos. */
export async function seedDemoPhotos(db: ReturnType<typeof createPrismaClient>, log: Log) {
  try {
    const files = await seedDemoAttachments(db);
    if (files) log(`Demo evidence: ${files.photos} site photos and ${files.documents} document.`);
  } catch (e) {
    log(`Warning: the demo photos were not stored (${(e as Error).message}); the rest of the demo is unaffected.`);
  }
}

export function printDemoLogins(log: Log) {
  log('Demo logins (password for all: ' + DEMO_PASSWORD + '):');
  for (const l of DEMO_LOGINS) log(`  ${l.username.padEnd(10)} ${l.role.padEnd(10)} ${l.department ?? ''}`);
  log('  (every other department that owns projects has a reporter too: dept02, dept06 … — see /admin/users)');
}

/**
 * NEXTAUTH_SECRET signs the session cookies. Production sets it; for local runs a random one is made once and
 * kept in .data/ (git-ignored) so sessions survive restarts.
 */
export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(ROOT, '.data', 'nextauth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export interface ServeOptions {
  /** `start` serves the production build through scripts/next-server.mjs (which knows each request's socket
   * address, see lib/auth/socket-address.ts); `dev` runs `next dev` */
  mode: 'start' | 'dev';
  port: string;
  hostname?: string;
}

/**
 * Serves the app until we are interrupted, supervising what we started (scripts/lib/supervisor.ts): the app server
 * is restarted with a back-off when it dies and given up on after repeated crashes; the embedded database is
 * restarted when it dies. Stops the database cluster at the end; returns the exit code for the process.
 */
export async function runNext(
  { mode, port, hostname }: ServeOptions,
  env: Record<string, string>,
  cluster: Cluster,
): Promise<number> {
  const say = (line: string) => console.error(`[supervisor] ${line}`);
  const [command, args] =
    mode === 'start'
      ? [
          process.execPath,
          [path.join(ROOT, 'scripts/next-server.mjs'), '--port', port, ...(hostname ? ['--hostname', hostname] : [])],
        ]
      : [path.join(ROOT, 'node_modules/.bin/next'), ['dev', '-p', port, ...(hostname ? ['-H', hostname] : [])]];
  const spawnApp = (): ChildProcess =>
    spawn(command, args, {
      cwd: ROOT,
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        ...(mode === 'start' ? { NODE_ENV: 'production' } : {}),
        ...env,
      },
      stdio: 'inherit',
      // its own process group, so the launcher and its `next-server` child are stopped together
      detached: true,
    });

  let child: ChildProcess | null = null;
  let stopping = false;
  let exitCode = 0;
  let wake = () => {};
  const stop = (signal: NodeJS.Signals, code?: number) => {
    if (stopping) return;
    stopping = true;
    if (code !== undefined) exitCode = code;
    wake();
    try {
      // SIGTERM lets the server finish the requests in flight and close its pool (scripts/next-server.mjs)
      if (child?.pid && child.exitCode === null) process.kill(-child.pid, signal === 'SIGINT' ? 'SIGTERM' : signal);
    } catch {
      // already gone
    }
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  cluster.supervise?.((reason) => {
    say(`GIVING UP: ${reason}. Stopping the app; see the PostgreSQL log in the data directory.`);
    stop('SIGTERM', 1);
  });

  const crashes: number[] = [];
  while (!stopping) {
    const started = spawnApp();
    child = started;
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      started.on('exit', (c, s) => resolve([c, s])),
    );
    if (stopping) {
      if (exitCode === 0) exitCode = code ?? 0;
      break;
    }
    crashes.push(Date.now());
    const decision = afterCrash(crashes, Date.now(), APP_CRASH_POLICY);
    if (!decision.restart) {
      say(
        `GIVING UP: the app server died ${decision.recent} times within ${APP_CRASH_POLICY.windowMs / 60_000} ` +
          `minutes (last: ${describeExit(code, signal)}). Fix the cause above and start again.`,
      );
      exitCode = 1;
      break;
    }
    say(
      `The app server died (${describeExit(code, signal)}); restarting it in ${decision.delayMs / 1000} s ` +
        `(crash ${decision.recent} of ${APP_CRASH_POLICY.maxCrashes} allowed within ` +
        `${APP_CRASH_POLICY.windowMs / 60_000} minutes).`,
    );
    await Promise.race([sleep(decision.delayMs), new Promise<void>((resolve) => (wake = resolve))]);
  }
  await cluster.stop();
  return exitCode;
}
