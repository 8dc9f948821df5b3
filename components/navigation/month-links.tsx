import { SwitchLinks, type SwitchLink } from './switch-links';

/**
 * Months 1 … `through` (the year's reporting month) as links, the month living in the URL like the year. Each
 * screen names its months its own way ("11月", "1-11月" for a cumulative figure, "November"), so it passes the words.
 */
export function MonthLinks({
  through,
  selected,
  hrefFor,
  label,
  optionLabel,
  look,
  testId,
}: {
  through: number;
  selected: number;
  hrefFor: (month: number) => string;
  /** the nav's accessible name */
  label: string;
  optionLabel: (month: number) => string;
  look?: 'tabs' | 'pills';
  testId?: string;
}) {
  const links = Array.from({ length: through }, (_, i): SwitchLink => ({
    key: i + 1,
    href: hrefFor(i + 1),
    label: optionLabel(i + 1),
    attrs: { 'data-month': String(i + 1) },
  }));
  return <SwitchLinks label={label} links={links} current={selected} look={look} testId={testId} />;
}
