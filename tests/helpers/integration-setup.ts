/**
 * Runs before every integration test file (vitest.config.ts, `setupFiles`), as formbricks' vitest setup does.
 * Outside a Next.js request there is no session, no cookie and no page cache, so the two Next seams every
 * server action goes through are replaced here, once:
 *   - `getRequestContext` (who is asking, from where, in which language): nobody until a test calls `signIn`
 *     or `actAs` from ./actors;
 *   - `revalidatePath`: a spy that does nothing.
 * A file that needs `next/headers` too mocks it itself (./next-headers), since what a cookie jar holds is the
 * test's own business.
 */
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

// Every action writes a JSON log line (lib/log.ts); a test run shows only warnings and errors unless asked.
// tests/integration/action-logs.test.ts turns the info lines back on for itself.
process.env.LOG_LEVEL ??= 'warn';
// An upload through an action stores its files: into a temp directory, never the working copy's .data/attachments
// (content-addressed and written by rename, so every test process may share it).
process.env.KEYSTONE_STORAGE_DIR ??= path.join(os.tmpdir(), 'keystone-test-attachments');
// The property tests call thousands of actions a minute as one user: the per-user throttle (lib/throttle.ts) still
// counts every call in the database, with a ceiling they never reach. tests/integration/throttle.test.ts sets the
// limits low to prove the refusals.
process.env.KEYSTONE_ACTION_RATE_LIMIT ??= '1000000/60';
process.env.KEYSTONE_API_RATE_LIMIT ??= '1000000/60';

vi.mock('@/lib/auth/request-context', () => ({
  getRequestContext: vi.fn(async () => ({ actor: null, ip: null, locale: 'zh-CN' })),
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
