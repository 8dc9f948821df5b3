/** "November" in English; Chinese messages write the month as a number ("11月") and do not use this. */
export function monthName(month: number, locale: string): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) return String(month);
  return new Intl.DateTimeFormat(locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US', {
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2000, month - 1, 1)));
}
