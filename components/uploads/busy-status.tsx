'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';

/**
 * While a check or a commit runs: what it is doing, the seconds elapsed and a moving bar, so a large file's minute
 * of work does not look like a hung page. (The month sheet streams real row counts instead: month-sheet-progress.)
 */
export function BusyStatus({ label }: { label: string }) {
  const t = useTranslations('sheetUpload');
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, []);
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-2 text-sm text-slate-700">
      <span>
        {label} {t('elapsed', { seconds })}
      </span>
      <div className="h-2 w-full overflow-hidden rounded bg-slate-200">
        <div className="h-full w-1/3 animate-pulse rounded bg-brand-700" />
      </div>
    </div>
  );
}
