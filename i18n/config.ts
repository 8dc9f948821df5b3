import type zhCN from '@/messages/zh-CN.json';

/** The UI speaks Chinese first; English is for visitors and reviewers. No locale in the URL: it is an intranet tool. */
export const locales = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = 'zh-CN';

/** The cookie next-intl's own routing would use, so a later switch to its middleware keeps users' choices. */
export const LOCALE_COOKIE = 'NEXT_LOCALE';

/** Every date the district reports on is a Chongqing date, whatever the server's or browser's zone. */
export const timeZone = 'Asia/Shanghai';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

// Typed keys: a missing or misspelt message key fails `tsc` instead of showing the raw key to a user.
declare module 'next-intl' {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof zhCN;
  }
}
