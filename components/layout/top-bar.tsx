import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { NotificationBell } from '@/components/notifications/notification-bell';
import type { SessionActor } from '@/lib/auth/session';
import { LanguageSwitch } from './language-switch';
import { navItemsFor } from './nav-items';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

export async function TopBar({ actor }: { actor: SessionActor }) {
  const t = await getTranslations();
  const links = navItemsFor(actor.role).map((item) => ({ href: item.href, label: t(`nav.${item.labelKey}`) }));

  // One line from 1280 px up (a projector): the administrator's nine links, the name with role and department, the bell,
  // the language and sign-out. The password link lives on the account page the name opens, not in the bar.
  return (
    <header className="bg-brand-900 text-white shadow">
      <div className="mx-auto flex min-h-14 max-w-7xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:px-6 print:hidden">
        <Link href="/" className="shrink-0 text-base font-semibold tracking-wide text-white">
          {t('app.name')}
        </Link>
        <NavLinks links={links} label={t('nav.label')} />
        <div className="ml-auto flex items-center gap-3">
          <div className="hidden text-right leading-tight whitespace-nowrap xl:block">
            <div className="text-sm font-medium">
              <span className="sr-only">{t('account.label')}: </span>
              <Link href="/account" className="underline-offset-2 hover:underline" title={t('account.page.link')}>
                {actor.displayName}
              </Link>
            </div>
            <div className="text-xs text-brand-100">
              {t(`roles.${actor.role}`)}
              {actor.departmentName && ` · ${actor.departmentName}`}
            </div>
          </div>
          <NotificationBell actor={actor} />
          <LanguageSwitch />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
