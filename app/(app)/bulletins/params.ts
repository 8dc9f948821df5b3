import { notFound } from 'next/navigation';

/** /bulletins/2025/10 → { year: 2025, month: 10 }, or notFound() for anything that is not a year and a month. */
export function parseBulletinParams(params: { year: string; month: string }): { year: number; month: number } {
  if (!/^\d{4}$/.test(params.year) || !/^\d{1,2}$/.test(params.month)) notFound();
  const year = Number(params.year);
  const month = Number(params.month);
  if (month < 1 || month > 12) notFound();
  return { year, month };
}
