'use server';

import { cookies } from 'next/headers';
import { isAppLocale, LOCALE_COOKIE } from './config';

/**
 * Remembers the chosen language. Setting a cookie in a server action makes Next re-render the current route,
 * so the page comes back in the new language without a client-side refresh (and works without JavaScript).
 */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isAppLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
    httpOnly: true,
  });
}
