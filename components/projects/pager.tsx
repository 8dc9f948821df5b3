import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cn } from '@/lib/utils';

/** Previous / next links; the page lives in the URL like every other table state. */
export async function Pager({
  page,
  pageSize,
  total,
  hrefFor,
  testId = 'pager',
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
  testId?: string;
}) {
  const pages = Math.max(Math.ceil(total / pageSize), 1);
  if (pages <= 1) return null;
  const t = await getTranslations('projects.pager');
  const link = (target: number, label: string, enabled: boolean) =>
    enabled ? (
      <Link
        href={hrefFor(target)}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-50"
      >
        {label}
      </Link>
    ) : (
      <span aria-disabled className={cn('rounded-md border border-slate-200 px-3 py-1.5 text-slate-400')}>
        {label}
      </span>
    );
  return (
    <nav aria-label={t('label')} className="flex items-center justify-end gap-3 text-sm" data-testid={testId}>
      {link(page - 1, t('previous'), page > 1)}
      <span className="text-slate-600 tabular-nums">{t('summary', { page, pages })}</span>
      {link(page + 1, t('next'), page < pages)}
    </nav>
  );
}
