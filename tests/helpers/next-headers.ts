import { vi } from 'vitest';

/**
 * `next/headers` for a server action called outside a browser: no request headers and no session cookie (so a
 * password change has no session to renew). Use as `vi.mock('next/headers', () => import('../helpers/next-headers'))`.
 */
export const cookies = async () => ({ get: () => undefined, set: vi.fn() });
export const headers = async () => new Headers();
