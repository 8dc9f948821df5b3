import { getTranslations } from 'next-intl/server';
import { DemoBanner } from '@/components/layout/demo-banner';
import { TopBar } from '@/components/layout/top-bar';
import { requireActor } from '@/lib/auth/session';
import { cn } from '@/lib/utils';

/** The signed-in area: one session check for every page below, which still check records themselves. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const [actor, t] = await Promise.all([requireActor(), getTranslations('common')]);
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className={cn(
          'sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50',
          'focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-800',
        )}
      >
        {t('skipToContent')}
      </a>
      <DemoBanner />
      <TopBar actor={actor} />
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
