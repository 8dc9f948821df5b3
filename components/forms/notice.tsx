'use client';

import { createContext, use, useState } from 'react';
import { useTranslations } from 'next-intl';

interface NoticeState {
  notice: string | null;
  show(text: string | null): void;
}

const NoticeContext = createContext<NoticeState>({ notice: null, show: () => {} });

/** Lets a dialog that has closed leave its success message on the page it changed. */
export function NoticeProvider({ children }: { children: React.ReactNode }) {
  const [notice, show] = useState<string | null>(null);
  return <NoticeContext value={{ notice, show }}>{children}</NoticeContext>;
}

export function useNotice(): (text: string | null) => void {
  return use(NoticeContext).show;
}

/** The live region is always in the page, so screen readers announce a notice when its text appears. */
export function NoticeArea() {
  const t = useTranslations('admin.common');
  const { notice, show } = use(NoticeContext);
  return (
    <div role="status" aria-live="polite">
      {notice && (
        <div className="flex items-center justify-between gap-4 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-2 text-sm text-emerald-800">
          <span>{notice}</span>
          <button
            type="button"
            onClick={() => show(null)}
            className="rounded px-1 text-emerald-700 hover:bg-emerald-100 focus-visible:outline-2 focus-visible:outline-emerald-700"
          >
            <span aria-hidden>✕</span>
            <span className="sr-only">{t('dismiss')}</span>
          </button>
        </div>
      )}
    </div>
  );
}
