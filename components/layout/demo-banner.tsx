import { getLocale, getTranslations } from 'next-intl/server';
import { formatLongDate } from '@/lib/format';
import { demoToday } from '@/lib/server/clock';

/**
 * A quiet line at the top of every page while the database is the demo (README "The demo date"): its figures and
 * deadlines are those of the demo date, not of the calendar. A real deployment has no demo date and no banner.
 */
export async function DemoBanner() {
  const day = await demoToday();
  if (!day) return null;
  const [t, locale] = await Promise.all([getTranslations('demo'), getLocale()]);
  return (
    <div
      role="note"
      data-testid="demo-banner"
      data-demo-date={day}
      title={t('bannerTitle')}
      className="border-b border-amber-200 bg-amber-50 px-4 py-1 text-center text-xs text-amber-900"
    >
      {t('banner', { date: formatLongDate(day, locale) })}
    </div>
  );
}
