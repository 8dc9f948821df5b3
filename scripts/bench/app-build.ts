/**
 * The production build the HTTP measurements serve: its own dist dir (.next-bench by default), rebuilt only when
 * the sources `next build` compiles differ from the ones it was built from.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/postgres';

/** What `next build` compiles, as in the checkout (staged, unstaged and untracked): a build of other sources is never measured. */
const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'i18n',
  'messages',
  'prisma',
  'public',
  'middleware.ts',
  'proxy.ts',
  'next.config.ts',
  'next.config.js',
  'package-lock.json',
  'tsconfig.json',
  'postcss.config.mjs',
];

function sourceFingerprint(): string | null {
  try {
    const git = (args: string[]) =>
      execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const inputs = BUILD_INPUTS.filter((p) => existsSync(path.join(ROOT, p)));
    const state =
      git(['ls-files', '-s', '--', ...inputs]) +
      git(['diff', '--', ...inputs]) +
      git(['ls-files', '--others', '--exclude-standard', '--', ...inputs]);
    return createHash('sha256').update(state).digest('hex');
  } catch {
    return null; // not a git checkout: rebuild every time
  }
}

/** Builds into distDir unless a build is there already (or `rebuild`). Returns the build's seconds (0 when reused). */
export function ensureBuild(distDir: string, rebuild: boolean, log: (s: string) => void): number {
  const stamp = path.join(ROOT, distDir, 'KEYSTONE_SOURCE');
  const source = sourceFingerprint();
  const built = existsSync(stamp) ? readFileSync(stamp, 'utf8') : null;
  if (!rebuild && source !== null && built === source && existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) {
    log(`Reusing the production build in ${distDir}/, built from these sources (--rebuild to rebuild it)`);
    return 0;
  }
  log(`Building the app into ${distDir}/ (next build)…`);
  const t0 = performance.now();
  // `next build` with another dist dir adds it to tsconfig.json's include and points next-env.d.ts at it; a
  // benchmark build must leave the checkout as it found it.
  const kept = ['tsconfig.json', 'next-env.d.ts'].flatMap((f) => {
    const file = path.join(ROOT, f);
    return existsSync(file) ? [[file, readFileSync(file)] as const] : [];
  });
  let res;
  try {
    res = spawnSync(path.join(ROOT, 'node_modules/.bin/next'), ['build'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    });
  } finally {
    for (const [file, content] of kept) writeFileSync(file, content);
  }
  if (res.status !== 0) throw new Error(`next build into ${distDir} failed`);
  if (source !== null) writeFileSync(stamp, source);
  return Number(((performance.now() - t0) / 1000).toFixed(1));
}
