import { getTranslations } from 'next-intl/server';
import { SwitchLinks } from './switch-links';

/** The plan years as links (the year lives in the URL); nothing when there is only one year to choose. */
export async function YearLinks({
  years,
  current,
  hrefFor,
}: {
  years: readonly { year: number }[];
  current: number;
  hrefFor: (year: number) => string;
}) {
  if (years.length < 2) return null;
  const t = await getTranslations('navigation');
  return (
    <SwitchLinks
      label={t('yearSwitch')}
      current={current}
      links={years.map(({ year }) => ({
        key: year,
        href: hrefFor(year),
        label: t('yearOption', { year: String(year) }),
      }))}
    />
  );
}
