/**
 * npm start — runs Keystone on http://localhost:3000 (PORT to change it): the database (DATABASE_URL, or the
 * embedded one kept in .data/pg), migrations, the seed on an empty database, a production build when the
 * sources changed, then `next start`. Ctrl-C stops the app and the embedded database.
 */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { authSecret, prepareDatabase, printDemoLogins, runNext } from './lib/app-server';
import { ROOT, resolveAppDatabase } from './lib/postgres';
import { parseTrustedProxies } from '../lib/auth/client-address';
import { wantsDemoData } from '../prisma/seed/first-start';

const log = (line: string) => console.log(`[keystone] ${line}`);
const port = process.env.PORT ?? '3000';

/** A fingerprint of the checked-out sources; a build is reused only when it was made from the same ones. */
function sourceFingerprint(): string | null {
  try {
    const tracked = execSync('git ls-files -s && git diff HEAD && git ls-files --others --exclude-standard', {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    return createHash('sha256').update(tracked).digest('hex');
  } catch {
    return null; // not a git checkout (e.g. a container image): the image already holds its build
  }
}

function buildIfNeeded() {
  const stampFile = path.join(ROOT, '.next', 'keystone-source-fingerprint');
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(ROOT, '.next', 'BUILD_ID'));
  if (built && (fingerprint === null || (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === fingerprint))) {
    log('Production build is up to date.');
    return;
  }
  log('Building the app (next build)…');
  execSync('npm run -s build', { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (fingerprint) writeFileSync(stampFile, fingerprint);
}

// Refuse a trusted-proxy setting that cannot be read, rather than guess at which addresses to believe.
try {
  parseTrustedProxies(process.env.KEYSTONE_TRUSTED_PROXIES);
} catch (e) {
  console.error(`[keystone] ${(e as Error).message}`);
  process.exit(1);
}
// Demo users share the README's public password: only outside production, or when KEYSTONE_DEMO=1 asks.
const demo = wantsDemoData(process.env);
const { url, cluster } = await resolveAppDatabase(log);
try {
  await prepareDatabase(url, log, { demo });
  buildIfNeeded();
} catch (e) {
  console.error(e instanceof Error ? `[keystone] ${e.message}` : e);
  await cluster.stop();
  process.exit(1);
}
if (demo) printDemoLogins(log);
log(`Serving on http://localhost:${port}`);
process.exit(
  await runNext(
    { mode: 'start', port },
    {
      DATABASE_URL: url,
      NEXTAUTH_SECRET: authSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    },
    cluster,
  ),
);
