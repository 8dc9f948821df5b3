'use client';

import { useEffect, useState } from 'react';

/** How often a page showing "service temporarily unavailable" asks whether the service is back. */
const POLL_MS = 5_000;

/**
 * Whether the server says it cannot serve (GET /api/health answers 503: the database is down or being migrated).
 * In production the browser never sees why a page failed, only a digest, so an error page asks. While the service is
 * down it keeps asking, and calls `onBack` once it answers 200 again, so the page recovers without a click.
 */
export function useServiceDown(onBack: () => void): boolean {
  const [down, setDown] = useState(false);
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wasDown = false;
    const check = async () => {
      const status = await fetch('/api/health', { cache: 'no-store' }).then(
        (r) => r.status,
        () => 0, // the app server itself is unreachable: keep asking
      );
      if (cancelled) return;
      if (status === 200) {
        if (wasDown) onBack();
        return;
      }
      if (status === 503 || status === 0) {
        wasDown = true;
        setDown(true);
      }
      timer = setTimeout(check, POLL_MS);
    };
    void check();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [onBack]);
  return down;
}
