import { getLocale, getTranslations } from 'next-intl/server';
import { setLocale } from '@/i18n/actions';
import { locales } from '@/i18n/config';
import { cn } from '@/lib/utils';

/** 中文 / English. A plain form posting to a server action, so it also works before JavaScript has loaded. */
export async function LanguageSwitch({ tone = 'dark' }: { tone?: 'dark' | 'light' }) {
  const [current, t] = await Promise.all([getLocale(), getTranslations('languages')]);
  return (
    <form action={setLocale} className="flex items-center text-sm">
      <span className="sr-only">{t('label')}</span>
      {locales.map((locale, index) => {
        const active = locale === current;
        return (
          <span key={locale} className="flex items-center">
            {index > 0 && (
              <span aria-hidden className={tone === 'dark' ? 'text-white/40' : 'text-slate-300'}>
                /
              </span>
            )}
            <button
              type="submit"
              name="locale"
              value={locale}
              lang={locale}
              aria-pressed={active}
              disabled={active}
              className={cn(
                'rounded px-2 py-1 transition-colors disabled:cursor-default',
                tone === 'dark'
                  ? 'text-brand-100 hover:text-white disabled:font-semibold disabled:text-white'
                  : 'text-slate-500 hover:text-brand-700 disabled:font-semibold disabled:text-slate-900',
              )}
            >
              {t(locale)}
            </button>
          </span>
        );
      })}
    </form>
  );
}
