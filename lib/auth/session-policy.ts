/**
 * A session ends after 8 hours without activity (a working day: a session left open on a shared office PC
 * ends by the evening). proxy.ts renews the cookie on activity. Free of server-only imports: proxy.ts uses it.
 */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
