import { getTranslations } from 'next-intl/server';
import { PagerControls } from './pager-controls';

/** Previous / next links for a server-rendered list; the page lives in the URL like every other table state. */
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
  const t = await getTranslations('navigation.pager');
  return (
    <PagerControls
      label={t('label')}
      summary={t('summary', { page, pages })}
      previous={{ label: t('previous'), href: hrefFor(page - 1), disabled: page <= 1 }}
      next={{ label: t('next'), href: hrefFor(page + 1), disabled: page >= pages }}
      testId={testId}
    />
  );
}
