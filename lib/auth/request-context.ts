import 'server-only';
import { cookies, headers } from 'next/headers';
import { defaultLocale, isAppLocale, LOCALE_COOKIE, type AppLocale } from '@/i18n/config';
import { getActor, type SessionActor } from './session';
import { currentClientAddress } from './socket-address';

export interface RequestContext {
  actor: SessionActor | null;
  /**
   * the client address: the socket's, or what the configured trusted proxies report (lib/auth/client-address.ts);
   * recorded in the audit trail and keyed for throttling. Null when it cannot be told.
   */
  ip: string | null;
  locale: AppLocale;
  /** the id proxy.ts gave this request, on every log line about it (lib/log.ts) */
  requestId?: string | null;
}

/** Who is asking, from where, in which language: what every server action needs before it does anything. */
export async function getRequestContext(): Promise<RequestContext> {
  const [actor, h, c] = await Promise.all([getActor(), headers(), cookies()]);
  const requested = c.get(LOCALE_COOKIE)?.value;
  return {
    actor,
    ip: currentClientAddress(h.get('x-forwarded-for')),
    locale: isAppLocale(requested) ? requested : defaultLocale,
    requestId: h.get('x-request-id'),
  };
}
