import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cn } from '@/lib/utils';

export type ProjectTab = 'overview' | 'photos' | 'history' | 'problems';

/** Tabs as links (`?tab=history`): each is a server-rendered view that can be linked to directly. */
export async function ProjectTabs({ current, hrefFor }: { current: ProjectTab; hrefFor: (tab: ProjectTab) => string }) {
  const t = await getTranslations('projects.detail.tabs');
  const tabs: ProjectTab[] = ['overview', 'photos', 'problems', 'history'];
  return (
    <nav aria-label={t('label')} className="flex gap-1 border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab}
          href={hrefFor(tab)}
          aria-current={tab === current ? 'page' : undefined}
          data-testid={`project-tab-${tab}`}
          className={cn(
            '-mb-px border-b-2 px-4 py-2 text-sm text-slate-600 hover:text-brand-700',
            tab === current ? 'border-brand-700 font-medium text-brand-800' : 'border-transparent',
          )}
        >
          {t(tab)}
        </Link>
      ))}
    </nav>
  );
}
