import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { defaultLocale, isAppLocale, LOCALE_COOKIE, timeZone, type AppLocale } from './config';
import zhCN from '@/messages/zh-CN.json';
import en from '@/messages/en.json';

// `satisfies` makes tsc report any key the English file is missing.
const messages = { 'zh-CN': zhCN, en: en satisfies typeof zhCN } as const;

export default getRequestConfig(async () => {
  const requested = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: AppLocale = isAppLocale(requested) ? requested : defaultLocale;
  return { locale, timeZone, messages: messages[locale] };
});
