import 'server-only';
import { cookies, headers } from 'next/headers';
import { defaultLocale, isAppLocale, LOCALE_COOKIE, type AppLocale } from '@/i18n/config';
import { getActor, type SessionActor } from './session';

export interface RequestContext {
  actor: SessionActor | null;
  /** the client address as the reverse proxy reports it; recorded in the audit trail and keyed for throttling */
  ip: string | null;
  locale: AppLocale;
}

/** Who is asking, from where, in which language: what every server action needs before it does anything. */
export async function getRequestContext(): Promise<RequestContext> {
  const [actor, h, c] = await Promise.all([getActor(), headers(), cookies()]);
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  const requested = c.get(LOCALE_COOKIE)?.value;
  return {
    actor,
    ip: forwarded || h.get('x-real-ip') || null,
    locale: isAppLocale(requested) ? requested : defaultLocale,
  };
}
