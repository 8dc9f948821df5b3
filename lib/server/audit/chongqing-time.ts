/** Asia/Shanghai (i18n/config.ts `timeZone`) has been UTC+8 without daylight saving since 1991: a fixed offset is exact. */
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** "2025-12-03 10:00:05": one unambiguous form in both languages, the way the district writes times. */
export function formatChongqingTime(value: Date | string, options: { seconds?: boolean } = {}): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const text = new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
  return options.seconds === false ? text.slice(0, 16) : text;
}
