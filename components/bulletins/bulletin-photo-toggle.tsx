'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

/** 打印时附现场照片: a choice kept in the URL (?photos=1), so the page the browser prints is the one with the photos. */
export function BulletinPhotoToggle({ checked }: { checked: boolean }) {
  const t = useTranslations('evidence.bulletin');
  const router = useRouter();
  const pathname = usePathname();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => router.replace(e.target.checked ? `${pathname}?photos=1` : pathname, { scroll: false })}
        data-testid="bulletin-photos-toggle"
      />
      {t('include')}
    </label>
  );
}
